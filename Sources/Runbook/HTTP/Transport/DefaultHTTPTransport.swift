public import Foundation
public import HTTPTypes

/// The transport a run uses unless a test or the script's setup replaces it: one
/// ``SocketHTTPTransport`` for `http://` and `https://` (TLS through the system's OpenSSL).
///
/// Why: measured with `runbook-bench` (release, loopback server, full client with retry and
/// circuit breaker on, 2 cores shared with other builds at load average 6–9, so ranges over
/// several runs): the socket transport did 23,000–54,000 sequential GET/s and 25,000–51,000/s
/// with 8 in flight (most runs above 35,000), RSS flat over 100,000 requests; URLSession
/// (libcurl underneath on Linux) 2,900–6,000/s sequential and 3,600–4,400/s with 8 in flight,
/// 5–10 times slower. Not linking URLSession (Foundation's networking module, libcurl and its
/// ~30 shared libraries) also saves about 10 ms and 13 MiB at every process start. Whoever wants
/// URLSession registers `URLSessionTransport` from the optional `RunbookURLSession` library.
///
/// ```swift
/// container.register((any HTTPTransport).self) { _ in DefaultHTTPTransport() }
/// ```
public final class DefaultHTTPTransport: HTTPTransport {
    private let transport: SocketHTTPTransport

    /// Creates the transport (connections are opened on first use).
    /// - Parameter trustedCAFile: a PEM file of CA certificates trusted for `https://` besides the
    ///   system's store (which also honours `SSL_CERT_FILE` and `SSL_CERT_DIR`).
    public convenience init(trustedCAFile: String? = nil) {
        self.init(settings: HTTPTransportSettings(tls: TLSSettings(trustedCAFile: trustedCAFile)))
    }

    /// Creates the transport from an API's proxy and TLS settings (connections are opened on first use).
    public init(settings: HTTPTransportSettings) {
        transport = SocketHTTPTransport(settings: settings)
    }

    /// The proxy and TLS settings the transport was made with.
    public var settings: HTTPTransportSettings { transport.settings }

    /// Sends one request and returns the whole response.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        try await transport.send(request, body: body, timeout: timeout)
    }
}
