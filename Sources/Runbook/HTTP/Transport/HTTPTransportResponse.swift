public import Foundation
public import HTTPTypes

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
