import JSONSchema

/// Formats and parses configuration key paths: `script-behavior.retry-strategy.max-retries`,
/// with array elements as `[3]` (`apis.erp.scopes[0]`).
public enum ConfigKeyPath {
    /// The dotted form of path tokens (`["a", "b", "0"]` under an array → `a.b[0]`).
    public static func format(_ tokens: some Sequence<String>, arrayIndices: Set<Int> = []) -> String {
        var text = ""
        for (position, token) in tokens.enumerated() {
            if arrayIndices.contains(position) {
                text += "[\(token)]"
            } else {
                text += text.isEmpty ? token : ".\(token)"
            }
        }
        return text.isEmpty ? "(root)" : text
    }

    /// The dotted form of a path inside a tree: tokens that index arrays are shown as `[n]`.
    static func format(_ tokens: [String], in root: JSONNode) -> String {
        var indices = Set<Int>()
        var current: JSONNode? = root
        for (position, token) in tokens.enumerated() {
            guard let node = current else { break }
            if case .array = node.value { indices.insert(position) }
            current = node.node(at: [token])
        }
        return format(tokens, arrayIndices: indices)
    }

    /// Splits `a.b[0].c` into `["a", "b", "0", "c"]`.
    public static func parse(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            switch character {
            case ".", "[", "]":
                if !current.isEmpty { tokens.append(current) }
                current = ""
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
