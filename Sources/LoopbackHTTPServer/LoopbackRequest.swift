public import Foundation

/// A request the server received.
public struct LoopbackRequest: Sendable {
    /// The method (`GET`, `POST`, …).
    public var method: String
    /// The request target: path and query, e.g. `/customers?$top=20`.
    public var target: String
    /// Header fields in received order (names as sent).
    public var headers: [(name: String, value: String)]
    /// The body (empty when there is none).
    public var body: Data

    /// Creates a request.
    public init(method: String, target: String, headers: [(name: String, value: String)], body: Data) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path without the query.
    public var path: String { String(target.prefix { $0 != "?" }) }

    /// The query items.
    public var query: [String: String] {
        guard let components = URLComponents(string: target) else { return [:] }
        var items: [String: String] = [:]
        for item in components.queryItems ?? [] { items[item.name] = item.value ?? "" }
        return items
    }

    /// The first value of a header (name compared case-insensitively).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A response the server sends.
public struct LoopbackResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields (`Content-Length` is added by the server).
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: Data
    /// How long the server waits before answering (a real wait: for timeout tests only).
    public var delay: TimeInterval
    /// Send the body with `Transfer-Encoding: chunked` (in chunks of at most 7 bytes) instead of
    /// `Content-Length`.
    public var chunked: Bool
    /// Close the connection after this response (also sends `Connection: close`).
    public var closesConnection: Bool

    /// Creates a response.
    public init(
        status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(), delay: TimeInterval = 0,
        chunked: Bool = false, closesConnection: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.chunked = chunked
        self.closesConnection = closesConnection
    }

    /// A JSON response.
    public static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }

    /// A response with no body.
    public static func empty(_ status: Int, headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: headers)
    }
}
