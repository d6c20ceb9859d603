import Foundation
import JSONSchema

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
