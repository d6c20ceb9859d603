import JSONSchema
import Runbook

/// Compact text of a tree for exact comparisons: integers bare (`31`), other numbers with an `n:`
/// prefix (`n:1e3`), strings quoted (`"yes"`), `{k: v}` and `[a, b]`.
func render(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let bool): bool ? "true" : "false"
    case .integer(let integer): "\(integer)"
    case .number(let number): "n:\(number.literal)"
    case .string(let string): "\"\(string)\""
    case .array(let elements): "[" + elements.map { render($0.value) }.joined(separator: ", ") + "]"
    case .object(let object):
        "{" + object.members.map { "\($0.key): \(render($0.value.value))" }.joined(separator: ", ") + "}"
    }
}

/// Reads `text` and renders the result, or renders the error as `error: <description>`.
func outcome(_ text: String, limits: YAMLReader.Limits = .init()) -> String {
    do {
        return render(try YAMLReader(limits: limits).read(text).value)
    } catch {
        return "error: \(error)"
    }
}

/// Reads bytes and renders the result, or renders the error as `error: <description>`.
func outcome(bytes: [UInt8]) -> String {
    do {
        return render(try YAMLReader().read(bytes).value)
    } catch {
        return "error: \(error)"
    }
}

/// `line:column` of a location.
func position(_ location: SourceLocation) -> String {
    "\(location.line):\(location.column)"
}

/// Limits with the given values.
func limits(maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000) -> YAMLReader.Limits {
    var limits = YAMLReader.Limits()
    limits.maxDepth = maxDepth
    limits.maxAliasExpansion = maxAliasExpansion
    return limits
}
