public import Foundation
public import HTTPTypes

/// The transport a run uses unless a test replaces it: ``SocketHTTPTransport`` for `http://`,
/// ``URLSessionTransport`` for `https://` (and anything else).
///
/// Why: measured with `runbook-bench` (release, loopback server, full client with retry and
/// circuit breaker on, 2 cores shared with other builds at load average 6–9, so ranges over
/// several runs): the socket transport did 23,000–54,000 sequential GET/s and 25,000–51,000/s
/// with 8 in flight (most runs above 35,000), RSS flat over 100,000 requests; URLSession
/// (libcurl underneath on Linux) 2,900–6,000/s sequential and 3,600–4,400/s with 8 in flight,
/// 5–10 times slower. There is no TLS library to build an HTTPS socket transport on, so
/// `https://` stays with URLSession.
///
/// ```swift
/// container.register((any HTTPTransport).self) { _ in DefaultHTTPTransport() }
/// ```
public final class DefaultHTTPTransport: HTTPTransport {
    private let plain = SocketHTTPTransport()
    private let session = URLSessionTransport()

    /// Creates the transport (connections are opened on first use).
    public init() {}

    /// Sends one request and returns the whole response.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        if request.scheme?.lowercased() == "http" {
            return try await plain.send(request, body: body, timeout: timeout)
        }
        return try await session.send(request, body: body, timeout: timeout)
    }
}
