import Foundation
import JSONSchema

/// Encodes an `Encodable` value into a `JSONValue` tree, keeping object keys in the order the
/// value encodes them (Foundation's `JSONEncoder` on Linux does not). Dates become ISO 8601 UTC
/// strings, `Data` base64, `URL` its absolute string, `Decimal` an exact number literal.
struct TreeEncoder {
    func encode(_ value: some Encodable) throws -> JSONValue {
        try TreeEncoding.box(value, codingPath: [])
    }
}

/// A mutable node being filled by the encoder's containers.
final class TreeNode {
    enum Kind { case unset, value(JSONValue), object([(String, TreeNode)]), array([TreeNode]) }
    var kind: Kind = .unset

    func resolved() -> JSONValue {
        switch kind {
        case .unset: .object(JSONObject())
        case .value(let value): value
        case .object(let members):
            .object(JSONObject(members.map { JSONObject.Member(key: $0.0, value: JSONNode($0.1.resolved())) }))
        case .array(let elements): .array(elements.map { JSONNode($0.resolved()) })
        }
    }

    func child(forKey key: String) -> TreeNode {
        let node = TreeNode()
        if case .object(var members) = kind {
            if let index = members.firstIndex(where: { $0.0 == key }) {
                members[index].1 = node
            } else {
                members.append((key, node))
            }
            kind = .object(members)
        } else {
            kind = .object([(key, node)])
        }
        return node
    }

    func appendChild() -> TreeNode {
        let node = TreeNode()
        if case .array(var elements) = kind {
            elements.append(node)
            kind = .array(elements)
        } else {
            kind = .array([node])
        }
        return node
    }
}

enum TreeEncoding {
    static func box(_ value: some Encodable, codingPath: [any CodingKey]) throws -> JSONValue {
        if let special = try special(value, codingPath: codingPath) { return special }
        let node = TreeNode()
        try value.encode(to: TreeEncoderImpl(node: node, codingPath: codingPath))
        return node.resolved()
    }

    static func special(_ value: any Encodable, codingPath: [any CodingKey]) throws -> JSONValue? {
        switch value {
        case let date as Date: return .string(UTCTimestamp.iso8601(date))
        case let data as Data: return .string(data.base64EncodedString())
        case let url as URL: return .string(url.absoluteString)
        case let decimal as Decimal: return .number(JSONNumber(literal: decimal.description))
        default: return nil
        }
    }

    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: codingPath, debugDescription: "\(value) cannot be written as a JSON number"))
        }
        if value == value.rounded(), abs(value) < 1e15 { return .number(JSONNumber(literal: "\(Int64(value)).0")) }
        return .number(JSONNumber(value))
    }
}

struct TreeEncoderImpl: Encoder {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([]) }
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.kind {} else { node.kind = .array([]) }
        return TreeUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleContainer(node: node, codingPath: codingPath)
    }
}

struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).kind = .value(.null) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        let child = node.child(forKey: key.stringValue)
        let path = codingPath + [key]
        if let special = try TreeEncoding.special(value, codingPath: path) {
            child.kind = .value(special)
        } else {
            try value.encode(to: TreeEncoderImpl(node: child, codingPath: path))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        TreeEncoderImpl(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoderImpl(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoderImpl(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoderImpl(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let elements) = node.kind { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendChild().kind = .value(.null) }

    mutating func encode(_ value: some Encodable) throws {
        let child = node.appendChild()
        if let special = try TreeEncoding.special(value, codingPath: codingPath) {
            child.kind = .value(special)
        } else {
            try value.encode(to: TreeEncoderImpl(node: child, codingPath: codingPath))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoderImpl(node: node.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoderImpl(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoderImpl(node: node.appendChild(), codingPath: codingPath) }
}

struct TreeSingleContainer: SingleValueEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.kind = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.kind = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.kind = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.kind = .value(try TreeEncoding.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { node.kind = .value(try TreeEncoding.number(Double(value), codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { node.kind = .value(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { node.kind = .value(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { node.kind = .value(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { node.kind = .value(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { node.kind = .value(.integer(value)) }
    mutating func encode(_ value: UInt) throws { try encodeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { node.kind = .value(.integer(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { node.kind = .value(.integer(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { node.kind = .value(.integer(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { try encodeUnsigned(value) }

    private mutating func encodeUnsigned(_ value: UInt64) throws {
        node.kind = .value(value <= UInt64(Int64.max) ? .integer(Int64(value)) : .number(JSONNumber(literal: "\(value)")))
    }

    mutating func encode(_ value: some Encodable) throws {
        node.kind = .value(try TreeEncoding.box(value, codingPath: codingPath))
    }
}
