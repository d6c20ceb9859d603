import JSONSchema

extension YAMLScalarResolver {
    /// A core-schema float as a `.number`: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
    /// `[-+]?.inf` (any of `.inf`, `.Inf`, `.INF`) or `.nan` (`.nan`, `.NaN`, `.NAN`).
    ///
    /// The literal is made a valid JSON number (`+.5` → `0.5`, `1.` → `1.0`, `01.5` → `1.5`); the
    /// specials become the literals `.inf`, `-.inf` and `.nan`.
    static func float(_ text: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        let count = text.count
        var index = 0
        var negative = false
        if count > 0 && (text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+")) {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        if let special = special(UnsafeBufferPointer(rebasing: text[index...]), signed: index == 1, negative: negative) {
            return special
        }
        let integerStart = index
        while index < count && isDigit(text[index]) { index += 1 }
        let integerEnd = index
        var hasDot = false
        var fractionStart = index
        if index < count && text[index] == UInt8(ascii: ".") {
            hasDot = true
            index += 1
            fractionStart = index
            while index < count && isDigit(text[index]) { index += 1 }
        }
        let fractionEnd = index
        guard integerEnd > integerStart || fractionEnd > fractionStart else { return nil }
        let exponentStart = index
        if index < count && (text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E")) {
            index += 1
            if index < count && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) { index += 1 }
            let digitsStart = index
            while index < count && isDigit(text[index]) { index += 1 }
            guard index > digitsStart else { return nil }
        }
        guard index == count else { return nil }
        let leadingZero = integerEnd - integerStart > 1 && text[integerStart] == UInt8(ascii: "0")
        let isJSON = text[0] != UInt8(ascii: "+") && integerEnd > integerStart && !leadingZero
            && (!hasDot || fractionEnd > fractionStart)
        if isJSON { return .number(JSONNumber(literal: String(decoding: text, as: UTF8.self))) }
        var literal = negative ? "-" : ""
        literal += integerEnd > integerStart ? stripLeadingZeros(text[integerStart..<integerEnd]) : "0"
        if hasDot {
            literal += "."
            literal += fractionEnd > fractionStart ? String(decoding: text[fractionStart..<fractionEnd], as: UTF8.self) : "0"
        }
        literal += String(decoding: text[exponentStart...], as: UTF8.self)
        return .number(JSONNumber(literal: literal))
    }

    /// `.inf` / `.nan` in their three spellings (the sign already removed), as `.number`s.
    private static func special(_ text: UnsafeBufferPointer<UInt8>, signed: Bool, negative: Bool) -> JSONValue? {
        guard text.count == 4, text[0] == UInt8(ascii: ".") else { return nil }
        if matches(text, ".inf") || matches(text, ".Inf") || matches(text, ".INF") {
            return .number(JSONNumber(literal: negative ? "-.inf" : ".inf"))
        }
        if !signed && (matches(text, ".nan") || matches(text, ".NaN") || matches(text, ".NAN")) {
            return .number(JSONNumber(literal: ".nan"))
        }
        return nil
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
