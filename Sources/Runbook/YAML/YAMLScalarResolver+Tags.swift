internal import CYAML
import JSONSchema

extension YAMLScalarResolver {
    /// The YAML 1.2 prefix that `!!` stands for.
    static let standardTagPrefix = "tag:yaml.org,2002:"

    /// The value of a scalar event: core-schema resolution for untagged plain scalars, a string
    /// for untagged quoted/block scalars, or what an explicit tag asks for.
    @inline(__always)
    static func resolve(
        _ text: UnsafeBufferPointer<UInt8>, plain: Bool, tag: UnsafeMutablePointer<yaml_char_t>?,
        at location: SourceLocation
    ) throws(YAMLError) -> JSONValue {
        guard let tag else {
            if plain, let value = plainValue(text) { return value }
            return .string(String(decoding: text, as: UTF8.self))
        }
        return try resolve(text, tag: String(cString: tag), at: location)
    }

    /// The value of a scalar with an explicit tag.
    static func resolve(_ text: UnsafeBufferPointer<UInt8>, tag: String, at location: SourceLocation) throws(YAMLError) -> JSONValue {
        let value: JSONValue?
        switch tag {
        case "!", standardTagPrefix + "str":
            value = .string(String(decoding: text, as: UTF8.self))
        case standardTagPrefix + "null":
            value = isNull(text) ? .null : nil
        case standardTagPrefix + "bool":
            value = bool(text).map(JSONValue.bool)
        case standardTagPrefix + "int":
            value = integer(text)
        case standardTagPrefix + "float":
            value = float(text)
        case standardTagPrefix + "map", standardTagPrefix + "seq":
            throw YAMLError("the tag \(shortTag(tag)) cannot be used on a scalar", at: location)
        default:
            throw YAMLError("unsupported tag '\(shortTag(tag))' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)", at: location)
        }
        guard let value else {
            throw YAMLError("'\(excerpt(text))' is not a valid \(shortTag(tag))", at: location)
        }
        return value
    }

    /// Refuses a tag on a sequence or mapping other than `!`, `!!seq` or `!!map` (as fits).
    static func checkCollectionTag(_ tag: UnsafeMutablePointer<yaml_char_t>, mapping: Bool, at location: SourceLocation) throws(YAMLError) {
        let name = String(cString: tag)
        let expected = standardTagPrefix + (mapping ? "map" : "seq")
        if name == "!" || name == expected { return }
        if name.hasPrefix(standardTagPrefix) && ["str", "int", "float", "bool", "null", "map", "seq"].contains(name.dropFirst(standardTagPrefix.count)) {
            throw YAMLError("the tag \(shortTag(name)) cannot be used on a \(mapping ? "mapping" : "sequence")", at: location)
        }
        throw YAMLError("unsupported tag '\(shortTag(name))' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)", at: location)
    }

    /// `!!int` for `tag:yaml.org,2002:int`; other tags unchanged.
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(standardTagPrefix) ? "!!" + tag.dropFirst(standardTagPrefix.count) : tag
    }

    /// The text for a message, cut at 40 characters.
    static func excerpt(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let string = String(decoding: text, as: UTF8.self)
        return string.count > 40 ? string.prefix(40) + "…" : string
    }
}
