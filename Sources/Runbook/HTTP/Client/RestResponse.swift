public import Foundation
public import HTTPTypes

/// A successful (non-error) response with raw access to status, header fields and body.
///
/// ```swift
/// let response = try await client.get("customers(42)")
/// let customer = try response.decode(Customer.self)
/// let etag = response.headerFields[.eTag]
/// ```
public struct RestResponse: Sendable {
    /// The status.
    public var status: HTTPResponse.Status
    /// The header fields.
    public var headerFields: HTTPFields
    /// The body bytes.
    public var body: Data
    /// The URL that produced this response (after async polling or a 303, the final one).
    public var url: URL
    /// The method of the request that produced it.
    public var method: HTTPRequest.Method

    /// Creates a response.
    public init(status: HTTPResponse.Status, headerFields: HTTPFields, body: Data, url: URL, method: HTTPRequest.Method) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
        self.url = url
        self.method = method
    }

    /// The body as UTF-8 text.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The `ETag` header.
    public var etag: String? { headerFields[.eTag] }

    /// Decodes the JSON body. A body that does not match throws ``HTTPRequestError`` with kind
    /// `.invalidResponse` naming the type and the decoding problem.
    public func decode<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        do {
            return try decoder.decode(type, from: body)
        } catch {
            throw HTTPRequestError(
                kind: .invalidResponse, method: method.rawValue, url: RedactedURL.string(url, secrets: nil),
                status: status.code, detail: "the body is not a valid \(T.self): \(Self.describe(error))",
                responseHeaderFields: headerFields, responseBody: body)
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(type(of: error))" }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "at the top level" : "at \(path)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)' \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(type) \(path(context))"
        case .valueNotFound(let type, let context): return "null where \(type) was expected \(path(context))"
        case .dataCorrupted(let context): return "malformed JSON \(path(context))"
        @unknown default: return "undecodable"
        }
    }
}
