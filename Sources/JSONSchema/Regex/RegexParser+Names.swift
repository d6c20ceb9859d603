extension RegexParser {
    /// Reads a group name `name>` starting at `position`; returns the name and the position after `>`.
    ///
    /// A name is a RegExpIdentifierName: ID_Start, `$` or `_`, then ID_Continue, `$`, ZWNJ or ZWJ, each
    /// written as itself or as `\uXXXX` / `\u{...}`.
    static func readGroupName(_ scalars: [Unicode.Scalar], at position: Int) -> (String, Int)? {
        var name = ""
        var cursor = position
        while cursor < scalars.count, scalars[cursor] != ">" {
            var scalar = scalars[cursor]
            cursor += 1
            if scalar == "\\" {
                guard let (escaped, end) = readNameEscape(scalars, at: cursor) else { return nil }
                scalar = escaped
                cursor = end
            }
            let allowed: Bool
            if scalar.isASCII {
                allowed = scalar.isASCIILetter || scalar == "$" || scalar == "_"
                    || (!name.isEmpty && scalar.asciiDigitValue != nil)
            } else {
                let properties = scalar.properties
                allowed = name.isEmpty
                    ? properties.isIDStart
                    : (properties.isIDContinue || scalar.value == 0x200C || scalar.value == 0x200D)
            }
            guard allowed else { return nil }
            name.unicodeScalars.append(scalar)
        }
        guard cursor < scalars.count, !name.isEmpty else { return nil }
        return (name, cursor + 1)
    }

    /// Reads `uXXXX` (joining an escaped surrogate pair) or `u{X...}` after a `\` in a group name.
    private static func readNameEscape(_ scalars: [Unicode.Scalar], at position: Int) -> (Unicode.Scalar, Int)? {
        func hex(_ start: Int, _ count: Int) -> UInt32? {
            guard start + count <= scalars.count else { return nil }
            var value: UInt32 = 0
            for index in start..<(start + count) {
                guard let digit = scalars[index].asciiHexValue else { return nil }
                value = value * 16 + digit
            }
            return value
        }
        guard position < scalars.count, scalars[position] == "u" else { return nil }
        if position + 1 < scalars.count, scalars[position + 1] == "{" {
            var end = position + 2
            var value: UInt32 = 0
            while end < scalars.count, let digit = scalars[end].asciiHexValue, value <= 0x10FFFF {
                value = value * 16 + digit
                end += 1
            }
            guard end > position + 2, end < scalars.count, scalars[end] == "}",
                let scalar = Unicode.Scalar(value)
            else { return nil }
            return (scalar, end + 1)
        }
        guard let lead = hex(position + 1, 4) else { return nil }
        if (0xD800...0xDBFF).contains(lead), position + 10 < scalars.count, scalars[position + 5] == "\\",
            scalars[position + 6] == "u", let trail = hex(position + 7, 4), (0xDC00...0xDFFF).contains(trail)
        {
            return Unicode.Scalar(0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)).map { ($0, position + 11) }
        }
        return Unicode.Scalar(lead).map { ($0, position + 5) }
    }

    /// Counts capture groups and maps their names to numbers, before parsing, so that `\2` and `\k<x>`
    /// may refer to groups that appear later in the pattern.
    static func scanCaptures(_ scalars: [Unicode.Scalar]) -> (count: Int, names: [String: Int]) {
        var count = 0
        var names: [String: Int] = [:]
        var inClass = false
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 1
            case "[":
                inClass = true
            case "]":
                inClass = false
            case "(" where !inClass:
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if next != "?" {
                    count += 1
                } else if index + 3 < scalars.count, scalars[index + 2] == "<",
                    scalars[index + 3] != "=", scalars[index + 3] != "!"
                {
                    count += 1
                    if let (name, _) = readGroupName(scalars, at: index + 3), names[name] == nil {
                        names[name] = count
                    }
                }
            default:
                break
            }
            index += 1
        }
        return (count, names)
    }
}
