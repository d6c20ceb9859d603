extension RegexParser {
    /// Reads a group name `name>` starting at `position`; returns the name and the position after `>`.
    ///
    /// A name is a RegExpIdentifierName: ID_Start, `$` or `_`, then ID_Continue, `$`, ZWNJ or ZWJ;
    /// `\uXXXX` / `\u{...}` escapes are not accepted in names.
    static func readGroupName(_ scalars: [Unicode.Scalar], at position: Int) -> (String, Int)? {
        var name = ""
        var cursor = position
        while cursor < scalars.count, scalars[cursor] != ">" {
            let scalar = scalars[cursor]
            let properties = scalar.properties
            let allowed =
                name.isEmpty
                ? (properties.isIDStart || scalar == "$" || scalar == "_")
                : (properties.isIDContinue || scalar == "$" || scalar.value == 0x200C || scalar.value == 0x200D)
            guard allowed else { return nil }
            name.unicodeScalars.append(scalar)
            cursor += 1
        }
        guard cursor < scalars.count, !name.isEmpty else { return nil }
        return (name, cursor + 1)
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
