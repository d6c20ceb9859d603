/// Short renderings of instance values for messages: `1.5`, `"abc"`, `an object`.
enum ValueDescription {
    /// The value itself for scalars (long strings shortened), its kind for containers.
    static func brief(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .number(let number): return number.literal
        case .string(let text):
            let shown = text.unicodeScalars.count > 60 ? String(text.prefix(57)) + "..." : text
            return quoted(shown)
        case .array(let elements): return elements.isEmpty ? "an empty array" : "an array"
        case .object(let object): return object.isEmpty ? "an empty object" : "an object"
        }
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        JSONStringLiteral.quoted(text)
    }

    /// A value as compact JSON (for `const`/`enum` messages), shortened when long.
    static func json(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            let text = "[" + elements.map { json($0.value) }.joined(separator: ", ") + "]"
            return text.count > 80 ? "an array" : text
        case .object(let object):
            let text = "{" + object.members.map { quoted($0.key) + ": " + json($0.value.value) }.joined(separator: ", ") + "}"
            return text.count > 80 ? "an object" : text
        case .string(let text): return quoted(text)
        default: return brief(value)
        }
    }
}
