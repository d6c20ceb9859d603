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
