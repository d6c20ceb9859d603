public import Foundation
public import HTTPTypes

/// Sends one HTTP request and returns the whole response. This is the only thing a test fakes
/// (see `FakeHTTPTransport` in RunbookTesting); retries, rate limits, the circuit breaker,
/// OAuth and paging all live above it in ``RestClient``.
///
/// An implementation must honour `timeout` (connect + response for this one exchange) and
/// task cancellation, must not follow redirects it was not asked to, and throws
/// ``HTTPTransportError`` for anything that is not an HTTP response.
///
/// ```swift
/// let request = HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:8080/health")!)
/// let response = try await transport.send(request, body: nil, timeout: .seconds(5))
/// let ok = response.status.kind == .successful
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request` (with `body`, if any) and returns the response with its body.
    func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse
}
