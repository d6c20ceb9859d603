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
/// print(response.status.code)
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request` (with `body`, if any) and returns the response with its body.
    func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse
}

/// A response head and its complete body.
public struct HTTPTransportResponse: Sendable {
    /// Status and header fields.
    public var head: HTTPResponse
    /// The body bytes (empty when there is none).
    public var body: Data

    /// Creates a response.
    public init(head: HTTPResponse, body: Data = Data()) {
        self.head = head
        self.body = body
    }

    /// Creates a response from a status code, header fields and body.
    public init(status: Int, headerFields: HTTPFields = [:], body: Data = Data()) {
        self.init(head: HTTPResponse(status: .init(code: status), headerFields: headerFields), body: body)
    }

    /// The status.
    public var status: HTTPResponse.Status { head.status }
}

/// A failure below HTTP: no connection, a timeout, a broken response.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The attempt took longer than its timeout.
        case timedOut
        /// The connection could not be made or was lost.
        case connectionFailed
        /// The peer sent something that is not HTTP/1.1.
        case invalidResponse
        /// The URL cannot be sent by this transport (scheme, host).
        case unsupportedURL
    }

    /// What kind of failure.
    public var kind: Kind
    /// A short description (never contains request headers or bodies).
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
