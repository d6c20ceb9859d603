public import Foundation
public import JSONSchema

/// One page of a collection: its items and the raw body.
public struct RestPage: Sendable {
    /// 1-based page number.
    public var number: Int
    /// The URL the page came from.
    public var url: URL
    /// The items (`value` of an OData page, or the top-level array), `@odata.*` keys stripped
    /// from each item when the sequence asks for it. Object keys are in sorted order.
    public var items: [JSONValue]
    /// The page's raw body.
    public var body: Data
    /// Whether the items are the body's `value` member (OData) rather than the body itself.
    public var itemsAreWrapped: Bool

    /// Creates a page.
    public init(number: Int, url: URL, items: [JSONValue], body: Data, itemsAreWrapped: Bool) {
        self.number = number
        self.url = url
        self.items = items
        self.body = body
        self.itemsAreWrapped = itemsAreWrapped
    }

    /// Decodes the items as `T`.
    public func decode<T: Decodable>(_ type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> [T] {
        do {
            if itemsAreWrapped { return try decoder.decode(Envelope<T>.self, from: body).value }
            return try decoder.decode([T].self, from: body)
        } catch {
            throw HTTPRequestError(
                kind: .invalidResponse, method: "GET", url: RedactedURL.string(url, secrets: nil),
                detail: "page \(number) items are not valid \(T.self): \(RestResponse.describe(error))")
        }
    }
}

private struct Envelope<T: Decodable>: Decodable {
    var value: [T]
}
