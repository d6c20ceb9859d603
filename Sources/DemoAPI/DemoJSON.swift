import Foundation
import LoopbackHTTPServer

/// An entity as the API returns it: `@odata.etag` and `id` first, then the entity's own fields.
struct EntityJSON<Entity: Encodable & Sendable>: Encodable, Sendable {
    let etag: String
    let id: String
    let entity: Entity

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(etag, forKey: Key("@odata.etag"))
        try container.encode(id, forKey: Key("id"))
        try entity.encode(to: encoder)
    }
}

/// A page of a collection: `value` plus `@odata.nextLink` when more items follow.
struct CollectionJSON<Item: Encodable & Sendable>: Encodable, Sendable {
    let value: [Item]
    let nextLink: String?

    enum CodingKeys: String, CodingKey {
        case context = "@odata.context"
        case value
        case nextLink = "@odata.nextLink"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(nextLink, forKey: .nextLink)
    }
}

/// Builds the demo API's responses: JSON bodies (sorted keys, so bodies are stable) and OData errors.
enum DemoJSON {
    /// A JSON response for an encodable value.
    static func response(_ status: Int, _ value: some Encodable, headers: [(name: String, value: String)] = [])
        -> LoopbackResponse
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else {
            return error(500, "InternalError", "the demo API could not encode its response")
        }
        return LoopbackResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: data)
    }

    /// An OData error: `{"error":{"code":…,"message":…}}`.
    static func error(_ status: Int, _ code: String, _ message: String, headers: [(name: String, value: String)] = [])
        -> LoopbackResponse
    {
        response(status, ["error": ["code": code, "message": message]], headers: headers)
    }

    /// Decodes a JSON object body whose values are all strings or numbers (as text); nil when it is not one.
    static func stringFields(_ body: Data) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: fields[key] = text
            case let number as NSNumber: fields[key] = number.stringValue
            default: return nil
            }
        }
        return fields
    }
}
