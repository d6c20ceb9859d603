/// A response body Runbook refuses: larger than `script-behavior.http.max-response-bytes` as
/// received, larger than `max-decoded-bytes` once decoded (a decompression bomb), encoded with a
/// `Content-Encoding` Runbook cannot decode, or corrupt. Never retried: the same request gets the
/// same body.
public struct ResponseBodyError: Error, Sendable, Equatable, HelpfulErrorConvertible {
    /// What is wrong with the body.
    public enum Kind: String, Sendable {
        /// The body as received is larger than `max-response-bytes`.
        case tooLarge
        /// The decoded body passed `max-decoded-bytes`; decoding stopped there.
        case decodedTooLarge
        /// A `Content-Encoding` other than gzip, deflate or identity.
        case unknownEncoding
        /// The encoded data is truncated or corrupt.
        case corrupt
    }

    /// What is wrong.
    public var kind: Kind
    /// The coding or the zlib problem.
    public var detail: String
    /// The limit that applied, in bytes.
    public var limit: Int
    /// The request (`GET https://…`, redacted), set by the client.
    public var request: String?

    /// Creates the error.
    public init(kind: Kind, detail: String, limit: Int, request: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.limit = limit
        self.request = request
    }

    /// The error as the user sees it.
    public var helpfulError: HelpfulError {
        let call = request.map { "\($0): " } ?? ""
        let problem: String
        var solution = "Ask for less (a smaller page, a filter), or raise the limit if this size is expected"
        var key = "script-behavior.http"
        switch kind {
        case .tooLarge:
            problem = "\(call)the response body is larger than \(limit) bytes (\(detail))"
            key += ".max-response-bytes"
        case .decodedTooLarge:
            problem = "\(call)the \(detail)-encoded response body decodes to more than \(limit) bytes; decoding stopped there"
            key += ".max-decoded-bytes"
        case .unknownEncoding:
            problem = "\(call)the response has Content-Encoding '\(detail)', which Runbook cannot decode (gzip, deflate and identity only)"
            solution = "Ask the service for gzip or no compression (a request header 'Accept-Encoding: identity'), "
                + "or turn compression off with script-behavior.http.compression: false"
            key += ".compression"
        case .corrupt:
            problem = "\(call)the response body cannot be decoded: \(detail)"
            solution = "Retry later or ask the service owner; turn compression off with script-behavior.http.compression: false"
            key += ".compression"
        }
        return HelpfulError(
            code: kind == .tooLarge || kind == .decodedTooLarge ? .httpResponseTooLarge : .httpUndecodableBody,
            problem: problem, solution: solution,
            example: "script-behavior:\n  http:\n    max-response-bytes: 209715200\n    max-decoded-bytes: 536870912",
            location: ErrorLocation(keyPath: key), exitCode: .scriptFailed)
    }
}
