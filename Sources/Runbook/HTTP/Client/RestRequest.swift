public import Foundation
public import HTTPTypes

/// One API call as a script describes it: method, a path relative to the client's base URL (or
/// an absolute URL), query items, header fields, an optional body, and per-call options.
///
/// ```swift
/// var request = RestRequest(method: .patch, path: "customers(42)")
/// try request.setJSONBody(["name": "Acme"])
/// request.ifMatch = etag
/// let response = try await client.send(request)
/// ```
public struct RestRequest: Sendable {
    /// The method.
    public var method: HTTPRequest.Method
    /// A path relative to the base URL (`customers`, `/customers(42)`), or an absolute URL.
    public var path: String
    /// Query items, sent in order (values are percent-encoded; `$` stays readable).
    public var query: [URLQueryItem]
    /// Header fields added to (and overriding) the client's defaults.
    public var headerFields: HTTPFields
    /// The body, if any.
    public var body: Data?
    /// Retry this POST/PATCH even without an `Idempotency-Key` (the caller knows it is safe).
    public var retryNonIdempotent: Bool
    /// Overall time budget for the call, all attempts and waits included (default: the client's).
    public var deadline: Duration?
    /// Poll a `202 Accepted` response's `Location` until the operation finishes (default true).
    public var followsAsyncOperation: Bool
    /// The timeout of each attempt (default: `rest-timeout-seconds` plus `seconds-per-mib` per MiB
    /// of body). When it is longer than the call's budget, the budget grows to fit one attempt.
    public var timeout: Duration?

    /// Creates a request.
    public init(
        method: HTTPRequest.Method = .get, path: String, query: [URLQueryItem] = [],
        headerFields: HTTPFields = [:], body: Data? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headerFields = headerFields
        self.body = body
        retryNonIdempotent = false
        deadline = nil
        followsAsyncOperation = true
        timeout = nil
    }

    /// Encodes `value` as the JSON body and sets `Content-Type: application/json`.
    public mutating func setJSONBody(_ value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws {
        body = try encoder.encode(value)
        headerFields[.contentType] = "application/json"
    }

    /// The `If-Match` header (an ETag), for optimistic concurrency.
    public var ifMatch: String? {
        get { headerFields[.ifMatch] }
        set { headerFields[.ifMatch] = newValue }
    }

    /// The `Idempotency-Key` header: a POST/PATCH that carries one is retried.
    public var idempotencyKey: String? {
        get { headerFields[RetryPolicy.idempotencyKey] }
        set { headerFields[RetryPolicy.idempotencyKey] = newValue }
    }

    /// Query items from a dictionary, sorted by name so the URL is stable.
    static func items(_ query: [String: String]) -> [URLQueryItem] {
        query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
    }
}
