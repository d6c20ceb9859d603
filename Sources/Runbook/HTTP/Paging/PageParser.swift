import Foundation
import HTTPTypes
import JSONSchema

/// Reads one page: its items, and the link to the next page if the service gives one.
enum PageParser {
    struct Envelope: Decodable {
        var value: [DecodedJSON]
        var nextLink: String?

        enum CodingKeys: String, CodingKey {
            case value
            case nextLink = "@odata.nextLink"
        }
    }

    struct Parsed {
        var page: RestPage
        var nextLink: URL?
    }

    static func parse(_ response: RestResponse, number: Int, stripsODataKeys: Bool) throws -> Parsed {
        let invalid = { (detail: String) in
            HTTPRequestError(kind: .invalidResponse, method: "GET", url: RedactedURL.string(response.url, secrets: nil),
                             status: response.status.code, detail: "page \(number) \(detail)")
        }
        let items: [JSONValue]
        var nextText: String?
        let wrapped: Bool
        if let list = try? JSONDecoder().decode([DecodedJSON].self, from: response.body) {
            items = list.map(\.value)
            wrapped = false
        } else if let envelope = try? JSONDecoder().decode(Envelope.self, from: response.body) {
            items = envelope.value.map(\.value)
            nextText = envelope.nextLink
            wrapped = true
        } else {
            throw invalid("has neither a 'value' array nor a top-level array of JSON")
        }
        if nextText == nil { nextText = linkNext(response.headerFields[values: HTTPField.Name("Link")!]) }
        let page = RestPage(
            number: number, url: response.url,
            items: stripsODataKeys ? items.map(DecodedJSON.stripODataKeys) : items,
            body: response.body, itemsAreWrapped: wrapped)
        var nextLink: URL?
        if let nextText {
            guard let url = RequestURL.resolve(nextText, against: response.url) else {
                throw invalid("has an invalid next link")
            }
            nextLink = url
        }
        return Parsed(page: page, nextLink: nextLink)
    }

    /// The `rel="next"` target of `Link` header values (RFC 8288).
    static func linkNext(_ values: [String]) -> String? {
        for part in values.flatMap({ $0.split(separator: ",") }) {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let isNext = pieces.dropFirst().contains { parameter in
                let normalized = parameter.replacingOccurrences(of: " ", with: "").lowercased()
                return normalized == "rel=\"next\"" || normalized == "rel=next"
            }
            if isNext { return String(target.dropFirst().dropLast()) }
        }
        return nil
    }
}

/// Decodes any JSON into the shared `JSONValue` tree (booleans stay booleans, object keys sorted).
struct DecodedJSON: Decodable {
    var value: JSONValue

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            let members = try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
                JSONObject.Member(key: key.stringValue, value: JSONNode(try object.decode(DecodedJSON.self, forKey: key).value))
            }
            value = .object(JSONObject(members))
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var nodes: [JSONNode] = []
            while !array.isAtEnd { nodes.append(JSONNode(try array.decode(DecodedJSON.self).value)) }
            value = .array(nodes)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let bool = try? single.decode(Bool.self) {
            value = .bool(bool)
        } else if let integer = try? single.decode(Int64.self) {
            value = .integer(integer)
        } else if let double = try? single.decode(Double.self) {
            value = .number(JSONNumber(double))
        } else {
            value = .string(try single.decode(String.self))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func stripODataKeys(_ value: JSONValue) -> JSONValue {
        guard case .object(let object) = value else { return value }
        return .object(JSONObject(object.members.filter { !$0.key.hasPrefix("@odata.") }))
    }
}
