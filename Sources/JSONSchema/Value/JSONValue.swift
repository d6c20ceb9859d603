/// A JSON value whose children remember where they were read from.
///
/// This is the one tree shared by the JSON parser, the YAML reader, the schema validator and
/// Runbook's configuration: every `JSONNode` carries its `SourceLocation`.
///
/// Integers that fit in 64 bits are `.integer`; every other number (fractions, exponents,
/// larger integers) is `.number` with its literal text, so no precision is lost.
public enum JSONValue: Sendable {
    /// `null` (YAML `~`, `null`, or an empty scalar).
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer literal that fits in `Int64`.
    case integer(Int64)
    /// Any other number, literal text preserved.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array of located values.
    case array([JSONNode])
    /// An object: located members in document order.
    case object(JSONObject)
}

extension JSONValue {
    /// The JSON type name used in messages and in the `type` keyword: `null`, `boolean`,
    /// `integer`, `number`, `string`, `array` or `object`. Integral `.number`s report `number`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The value as a `Double` when it is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let number): number.double
        default: nil
        }
    }

    /// The value as a `String` when it is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value's object when it is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value's elements when it is an array.
    public var arrayValue: [JSONNode]? {
        if case .array(let value) = self { return value }
        return nil
    }
}
