import JSONSchema

extension ConfigProxy {
    /// The error for a key that is not there: names the path, the file, the deepest section that
    /// exists, and the nearest existing key.
    func missing(_ path: [String]) -> HelpfulError {
        var parent = root
        var depth = 0
        for token in path.dropLast() {
            guard let next = parent.node(at: [token]) else { break }
            parent = next
            depth += 1
        }
        let missingKey = path[depth]
        let parentPath = Array(path.prefix(depth))
        guard case .object(let object) = parent.value else {
            return wrongType(parent, path: parentPath, expected: "a section (a mapping of keys)")
        }
        let suggestion = NearestKey.suggestion(for: missingKey, among: object.keys)
        let sectionName = parentPath.isEmpty && prefix.isEmpty ? "the top level" : "the '\(keyPath(parentPath))' section"
        var solution = "Add '\(missingKey)' to \(sectionName) of \(file)"
        if let suggestion { solution = "Did you mean '\(suggestion)'? Otherwise add '\(missingKey)' to \(sectionName) of \(file)" }
        return HelpfulError(
            code: .configKeyMissing,
            problem: "Missing required config key '\(keyPath(path))' in \(file)",
            solution: solution,
            example: Self.snippet(prefix + path),
            location: sources.errorLocation(of: parent.location, keyPath: keyPath(path)),
            exitCode: .configuration
        )
    }

    /// A `HelpfulError` when an absent key is one edit away from an existing sibling, else nil.
    func misspelling(_ path: [String]) -> HelpfulError? {
        guard let last = path.last else { return nil }
        let parentPath = Array(path.dropLast())
        guard let parent = root.node(at: parentPath), case .object(let object) = parent.value,
            let suggestion = NearestKey.suggestion(for: last, among: object.keys)
        else { return nil }
        return HelpfulError(
            code: .configKeyMisspelled,
            problem: "Config key '\(keyPath(path))' does not exist in \(file), but '\(keyPath(parentPath + [suggestion]))' does",
            solution: "Did you mean '\(suggestion)'? Fix the key name in the script (or in the file)",
            example: Self.snippet(prefix + parentPath + [suggestion]),
            location: sources.errorLocation(of: parent.location, keyPath: keyPath(path)),
            exitCode: .configuration
        )
    }

    /// The error for a value of the wrong type, at the value's position.
    func wrongType(_ node: JSONNode, path: [String], expected: String) -> HelpfulError {
        HelpfulError(
            code: .configWrongType,
            problem: "Config key '\(keyPath(path))' must be \(expected), found \(Self.describe(node.value))",
            solution: "Change the value at the position shown to \(expected)",
            example: Self.snippet(prefix + path),
            location: sources.errorLocation(of: node.location, keyPath: keyPath(path)),
            exitCode: .configuration
        )
    }

    /// A short description of a value for messages: `"five"` (a string), `1.5`, `a section`.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .integer(let number): "\(number)"
        case .number(let number): number.literal
        case .string(let text): "\"\(text.count > 60 ? String(text.prefix(60)) + "…" : text)\" (a string)"
        case .array(let elements): "a list of \(elements.count)"
        case .object: "a section"
        }
    }

    /// A YAML snippet showing where a key goes.
    static func snippet(_ path: [String]) -> String {
        var lines: [String] = []
        for (depth, token) in path.enumerated() {
            let indent = String(repeating: "  ", count: depth)
            lines.append(depth == path.count - 1 ? "\(indent)\(token): <value>" : "\(indent)\(token):")
        }
        return lines.joined(separator: "\n")
    }
}
