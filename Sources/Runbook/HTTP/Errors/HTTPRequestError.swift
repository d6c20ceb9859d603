public import Foundation
public import HTTPTypes

/// A failed API call: an error status, a transport failure, a timeout, an exhausted deadline or
/// an async operation that never finished. It carries what a user needs to act (method, URL
/// without secrets, status, the service's own message, the request id) and presents itself as
/// a ``HelpfulError`` with a hint per status. It never contains a token or a secret.
///
/// ```swift
/// do { _ = try await client.get("customers(42)") }
/// catch let error as HTTPRequestError where error.status == 404 { … }
/// ```
public struct HTTPRequestError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The service answered with an error status (`status` is set).
        case status
        /// No usable response (connection refused or lost, invalid response).
        case transport
        /// An attempt got no response within `api-timeouts.rest-timeout-seconds`.
        case timeout
        /// The call's overall deadline passed before it could succeed.
        case deadlineExceeded
        /// A `202 Accepted` operation did not finish within `api-timeouts.async-max-wait`.
        case asyncTimeout
        /// A response could not be read as expected (JSON decoding, paging loops).
        case invalidResponse
        /// The request's URL could not be built.
        case invalidURL
    }

    /// What went wrong.
    public var kind: Kind
    /// The HTTP method.
    public var method: String
    /// The URL with userinfo removed and secret-looking query values masked.
    public var url: String
    /// The last HTTP status, when there was one.
    public var status: Int?
    /// The service's own message (OData `error.message`, `error_description`, `message`, `title`).
    public var serviceMessage: String?
    /// The service's request id (`request-id`, `x-request-id`, `x-ms-request-id`, `x-correlation-id`).
    public var requestID: String?
    /// Attempts made.
    public var attempts: Int
    /// Extra detail (the transport's message, a decoding failure), without secrets.
    public var detail: String?
    /// The last response's header fields (raw access).
    public var responseHeaderFields: HTTPFields
    /// The last response's body (raw access; not shown in messages).
    public var responseBody: Data
    /// A transport failure that sending again cannot fix (a refused TLS certificate, an unsupported
    /// URL): not a temporary failure (exit 1, not 75).
    var isPermanent = false

    /// Creates an error.
    public init(
        kind: Kind, method: String, url: String, status: Int? = nil, serviceMessage: String? = nil,
        requestID: String? = nil, attempts: Int = 1, detail: String? = nil,
        responseHeaderFields: HTTPFields = [:], responseBody: Data = Data()
    ) {
        self.kind = kind
        self.method = method
        self.url = url
        self.status = status
        self.serviceMessage = serviceMessage
        self.requestID = requestID
        self.attempts = attempts
        self.detail = detail
        self.responseHeaderFields = responseHeaderFields
        self.responseBody = responseBody
    }

    /// The message, as shown to the user.
    public var description: String { helpfulError.problem }
}
