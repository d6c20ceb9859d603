public import Foundation
public import HTTPTypes

/// The transport a run uses unless a test replaces it: ``URLSessionTransport`` for every URL.
public final class DefaultHTTPTransport: HTTPTransport {
    private let session = URLSessionTransport()

    /// Creates the transport.
    public init() {}

    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        try await session.send(request, body: body, timeout: timeout)
    }
}
