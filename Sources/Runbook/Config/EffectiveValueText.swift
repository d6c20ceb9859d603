public import JSONSchema

/// Short, YAML-compatible text for configuration values (used by `runbook config` and the docs).
public enum EffectiveValueText {
    /// A value on one line: strings quoted when they would otherwise read as another type.
    public static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return number.literal
        case .string(let text): return quotedIfNeeded(text)
        case .array(let elements): return "[" + elements.map { inline($0.value) }.joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.members.map { "\($0.key): \(inline($0.value.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// The text as a YAML plain scalar when that reads back as the same string, else double-quoted.
    public static func quotedIfNeeded(_ text: String) -> String {
        let plainSafe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:@".contains($0) }
            && !["true", "false", "null", "~", "yes", "no", "on", "off"].contains(text.lowercased())
            && Double(text) == nil && !text.hasPrefix("-") && !text.hasSuffix(":") && !text.contains(": ")
        return plainSafe ? text : JSONStringLiteral.quoted(text)
    }
}
