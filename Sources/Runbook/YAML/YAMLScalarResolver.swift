import JSONSchema

/// Resolves plain scalars by the YAML 1.2 core schema, looking at the first byte before trying
/// anything expensive. Quoted and block scalars are strings; explicit tags are handled in
/// `YAMLScalarResolver+Tags.swift`.
enum YAMLScalarResolver {
    /// The value of an untagged plain scalar, or nil when it is a string.
    @inline(__always)
    static func plainValue(_ text: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let number = number(text) { return number }
        case UInt8(ascii: "~"):
            if text.count == 1 { return .null }
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(text) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let bool = bool(text) { return .bool(bool) }
        default:
            break
        }
        return nil
    }

    /// Whether the text is a core-schema null (`null`, `Null`, `NULL`, `~` or empty).
    static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.isEmpty || matches(text, "~") || matches(text, "null") || matches(text, "Null") || matches(text, "NULL")
    }

    /// The core-schema boolean the text spells, if any.
    static func bool(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        if matches(text, "true") || matches(text, "True") || matches(text, "TRUE") { return true }
        if matches(text, "false") || matches(text, "False") || matches(text, "FALSE") { return false }
        return nil
    }

    /// An integer (decimal, `0o` octal, `0x` hex) or a float (including `.inf` and `.nan`), if the
    /// text is one.
    static func number(_ text: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        if let integer = integer(text) { return integer }
        return float(text)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; beyond `Int64` a `.number` keeping the digits.
    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        let count = text.count
        if count > 2 && text[0] == UInt8(ascii: "0") {
            if text[1] == UInt8(ascii: "x") { return YAMLRadixInteger.value(text[2...], radix: 16) }
            if text[1] == UInt8(ascii: "o") { return YAMLRadixInteger.value(text[2...], radix: 8) }
        }
        var index = 0
        var negative = false
        if count > 0 && (text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+")) {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < count else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        while index < count {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            if !overflow {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
                magnitude = sum
                overflow = o1 || o2
            }
            index += 1
        }
        if !overflow {
            if !negative && magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
            if negative && magnitude <= UInt64(Int64.max) + 1 { return .integer(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        }
        let signLength = text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") ? 1 : 0
        return .number(JSONNumber(literal: (negative ? "-" : "") + stripLeadingZeros(text[signLength...])))
    }

    /// The digits without leading zeros (at least one digit stays).
    static func stripLeadingZeros(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var start = digits.startIndex
        while start < digits.endIndex - 1 && digits[start] == UInt8(ascii: "0") { start += 1 }
        return String(decoding: digits[start...], as: UTF8.self)
    }

    /// Whether `text` is exactly the ASCII `word`.
    @inline(__always)
    static func matches(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        let bytes = word.utf8Start
        for index in 0..<text.count where text[index] != bytes[index] { return false }
        return true
    }
}
