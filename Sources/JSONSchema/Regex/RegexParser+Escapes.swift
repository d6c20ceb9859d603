extension RegexParser {
    /// What one escape inside or outside a class stands for.
    enum EscapeValue {
        /// One scalar (`\n`, `\x41`, `\u{1F600}`, `\/`).
        case scalar(UInt32)
        /// A set of scalars (`\d`, `\P{L}`), already negated where the escape says so.
        case set(ScalarSetBuilder)
    }

    /// Parses an escape outside a class (the read position is at `\`): backreferences, class escapes and
    /// character escapes.
    mutating func parseAtomEscape() throws(ECMARegexError) -> RegexNode {
        let start = index
        guard let next = peek(1) else { throw ECMARegexError("'\\' at end of pattern", at: start) }
        if next == "k" {
            index += 2
            guard current == "<", let (name, end) = Self.readGroupName(scalars, at: index + 1) else {
                throw ECMARegexError("invalid named reference (expected \\k<name>)", at: start)
            }
            guard let number = captureNames[name] else {
                throw ECMARegexError("unknown group name '\(name)' in \\k<\(name)>", at: start)
            }
            index = end
            return .backreference(number)
        }
        if let first = next.asciiDigitValue, first != 0 {
            index += 1
            var number = 0
            while let digit = current?.asciiDigitValue {
                number = Swift.min(number * 10 + digit, Int(Int32.max))
                index += 1
            }
            guard number <= captureCount else {
                throw ECMARegexError(
                    "backreference \\\(number) to a group that does not exist (the pattern has \(captureCount))",
                    at: start)
            }
            return .backreference(number)
        }
        switch try parseEscape(inClass: false) {
        case .scalar(let value): return .character(.single(value))
        case .set(let builder): return .character(builder.build())
        }
    }

    /// Parses a class escape or character escape (the read position is at `\`).
    mutating func parseEscape(inClass: Bool) throws(ECMARegexError) -> EscapeValue {
        let start = index
        guard let letter = peek(1) else { throw ECMARegexError("'\\' at end of pattern", at: start) }
        index += 2
        switch letter {
        case "d", "D": return .set(Self.builder(ScalarSet.digitRanges, complement: letter == "D"))
        case "s", "S": return .set(Self.builder(ScalarSet.spaceRanges, complement: letter == "S"))
        case "w", "W": return .set(Self.builder(ScalarSet.wordRanges, complement: letter == "W"))
        case "p", "P": return .set(try parseProperty(negated: letter == "P", start: start))
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "v": return .scalar(0x0B)
        case "f": return .scalar(0x0C)
        case "r": return .scalar(0x0D)
        case "b" where inClass: return .scalar(0x08)
        case "-" where inClass: return .scalar(0x2D)
        case "0":
            if current?.asciiDigitValue != nil {
                throw ECMARegexError("invalid escape '\\0' followed by a digit (octal escapes are not allowed)", at: start)
            }
            return .scalar(0)
        case "c":
            guard let control = current, control.isASCIILetter else {
                throw ECMARegexError("invalid escape '\\c' (expected a letter A-Z or a-z after it)", at: start)
            }
            index += 1
            return .scalar(control.value % 32)
        case "x":
            guard let high = current?.asciiHexValue, let low = peek(1)?.asciiHexValue else {
                throw ECMARegexError("invalid escape '\\x' (expected two hexadecimal digits)", at: start)
            }
            index += 2
            return .scalar(high * 16 + low)
        case "u":
            return .scalar(try parseUnicodeEscape(start: start))
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return .scalar(letter.value)
        default:
            throw ECMARegexError("invalid escape '\\\(Character(letter))'", at: start)
        }
    }

    /// Parses what follows `\u`: `{H...}` or `HHHH` (joining an escaped surrogate pair).
    mutating func parseUnicodeEscape(start: Int) throws(ECMARegexError) -> UInt32 {
        if current == "{" {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while let digit = current?.asciiHexValue {
                value = Swift.min(value * 16 + digit, 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0, current == "}" else {
                throw ECMARegexError("invalid escape '\\u{' (expected hexadecimal digits and '}')", at: start)
            }
            guard value <= 0x10FFFF else {
                throw ECMARegexError("invalid escape '\\u{...}' (value above 10FFFF)", at: start)
            }
            index += 1
            return value
        }
        guard let lead = readFourHex(at: index) else {
            throw ECMARegexError("invalid escape '\\u' (expected four hexadecimal digits or {...})", at: start)
        }
        index += 4
        if (0xD800...0xDBFF).contains(lead), current == "\\", peek(1) == "u",
            let trail = readFourHex(at: index + 2), (0xDC00...0xDFFF).contains(trail)
        {
            index += 6
            return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)
        }
        return lead
    }

    private func readFourHex(at position: Int) -> UInt32? {
        guard position + 4 <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = scalars[position + offset].asciiHexValue else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    /// Parses `{Name}` or `{Name=Value}` after `\p` / `\P`.
    private mutating func parseProperty(negated: Bool, start: Int) throws(ECMARegexError) -> ScalarSetBuilder {
        guard current == "{" else {
            throw ECMARegexError("invalid property escape (expected \\p{Name})", at: start)
        }
        var text = ""
        var cursor = index + 1
        while cursor < scalars.count, scalars[cursor] != "}" {
            let scalar = scalars[cursor]
            guard scalar.isASCIILetter || scalar.asciiDigitValue != nil || scalar == "_" || scalar == "=" else {
                throw ECMARegexError("invalid property escape (expected \\p{Name})", at: start)
            }
            text.unicodeScalars.append(scalar)
            cursor += 1
        }
        guard cursor < scalars.count, !text.isEmpty else {
            throw ECMARegexError("invalid property escape (expected \\p{Name})", at: start)
        }
        guard let resolved = UnicodePropertyResolver.resolve(text) else {
            throw ECMARegexError("unknown Unicode property '\(text)'", at: start)
        }
        index = cursor + 1
        var builder = ScalarSetBuilder()
        switch resolved {
        case .test(let test): builder.add(negated ? test.negatedTest : test)
        case .ranges(let ranges): builder.add(ranges: ranges, complement: negated)
        }
        return builder
    }

    private static func builder(_ ranges: [UInt32], complement: Bool) -> ScalarSetBuilder {
        var builder = ScalarSetBuilder()
        builder.add(ranges: ranges, complement: complement)
        return builder
    }
}
