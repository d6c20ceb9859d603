public import Foundation
public import JSONSchema

/// A type that `ConfigProxy.require(_:_:)` can read from a configuration value.
/// Conforming: `String`, `Int`, `Int64`, `Double`, `Bool`, `URL`, `Decimal`, and arrays of these.
public protocol ConfigValueType: Sendable {
    /// How the type is named in messages: "an integer", "a string".
    static var configTypeDescription: String { get }
    /// The value converted from a configuration value, or nil when it has another type.
    static func fromConfig(_ value: JSONValue) -> Self?
}

extension String: ConfigValueType {
    public static var configTypeDescription: String { "a string" }
    public static func fromConfig(_ value: JSONValue) -> String? { value.stringValue }
}

extension Bool: ConfigValueType {
    public static var configTypeDescription: String { "a boolean (true or false)" }
    public static func fromConfig(_ value: JSONValue) -> Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }
}

extension Int64: ConfigValueType {
    public static var configTypeDescription: String { "an integer" }
    public static func fromConfig(_ value: JSONValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .number(let number) where number.isIntegral: Int64(exactly: number.double)
        default: nil
        }
    }
}

extension Int: ConfigValueType {
    public static var configTypeDescription: String { "an integer" }
    public static func fromConfig(_ value: JSONValue) -> Int? {
        Int64.fromConfig(value).flatMap { Int(exactly: $0) }
    }
}

extension Double: ConfigValueType {
    public static var configTypeDescription: String { "a number" }
    public static func fromConfig(_ value: JSONValue) -> Double? { value.doubleValue }
}

extension Decimal: ConfigValueType {
    public static var configTypeDescription: String { "a number" }
    public static func fromConfig(_ value: JSONValue) -> Decimal? {
        switch value {
        case .integer(let number): Decimal(number)
        case .number(let number): Decimal(string: number.literal, locale: Locale(identifier: "en_US_POSIX"))
        default: nil
        }
    }
}

extension URL: ConfigValueType {
    public static var configTypeDescription: String { "a URL" }
    public static func fromConfig(_ value: JSONValue) -> URL? {
        guard let text = value.stringValue, let url = URL(string: text), url.scheme != nil else { return nil }
        return url
    }
}

extension Array: ConfigValueType where Element: ConfigValueType {
    public static var configTypeDescription: String { "a list whose elements are each \(Element.configTypeDescription)" }
    public static func fromConfig(_ value: JSONValue) -> [Element]? {
        guard let elements = value.arrayValue else { return nil }
        var result: [Element] = []
        for element in elements {
            guard let converted = Element.fromConfig(element.value) else { return nil }
            result.append(converted)
        }
        return result
    }
}
