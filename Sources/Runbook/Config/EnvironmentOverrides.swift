public import JSONSchema

/// Applies `RUNBOOK__<SECTION>__<KEY>=value` environment variables to the configuration tree.
///
/// Each `__`-separated part names one level, lower-cased with `_` read as `-`:
/// `RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__ENABLED=true` sets
/// `script-behavior.rate-limiting.enabled`. The value is typed by the schema (a boolean key gets
/// `true`/`false`, an integer key an integer, a string key the text as is); a value that does not
/// fit stays text, so validation reports it with the variable's name. Each value remembers the
/// variable it came from.
public struct EnvironmentOverrides: Sendable {
    /// The variable prefix.
    public static let prefix = "RUNBOOK__"

    /// Creates the override step.
    public init() {}

    /// The tree with every override applied, in variable-name order.
    public func apply(
        to root: JSONNode, environment: [String: String], schema: CompiledSchema, sources: inout ConfigSources
    ) throws(HelpfulError) -> JSONNode {
        var result = root
        for variable in environment.keys.sorted() where variable.hasPrefix(Self.prefix) {
            let tokens = Self.path(of: variable)
            guard !tokens.isEmpty, !tokens.contains(where: \.isEmpty) else {
                throw HelpfulError(
                    code: .configEnvironmentVariableName,
                    problem: "Environment variable \(variable) does not name a configuration key",
                    solution: "Separate levels with a double underscore: RUNBOOK__<SECTION>__<KEY>",
                    example: "RUNBOOK__SCRIPT_BEHAVIOR__RETRY_STRATEGY__MAX_RETRIES=2",
                    location: ErrorLocation(origin: "environment variable \(variable)"),
                    exitCode: .configuration
                )
            }
            let source = sources.add(.environment(variable))
            let location = SourceLocation(source: source, line: 0, column: 0)
            let raw = environment[variable] ?? ""
            let value = Self.typedValue(raw, types: schema.declaredTypes(at: tokens))
            result = try Self.setting(JSONNode(value, at: location), at: tokens[...], in: result, variable: variable)
        }
        return result
    }

    /// The key path a variable names.
    public static func path(of variable: String) -> [String] {
        String(variable.dropFirst(prefix.count))
            .split(separator: "__", omittingEmptySubsequences: false)
            .map { String($0).lowercased().map { $0 == "_" ? "-" : String($0) }.joined() }
    }

    /// The value as the schema's declared types want it.
    static func typedValue(_ raw: String, types: Set<String>) -> JSONValue {
        if types.contains("string") || raw.isEmpty && !types.contains("null") { return .string(raw) }
        if types.contains("boolean") || types.isEmpty, let flag = ["true": true, "false": false][raw] {
            return .bool(flag)
        }
        if types.contains("integer") || types.contains("number") || types.isEmpty, let number = Int64(raw) {
            return .integer(number)
        }
        if types.contains("number") || types.isEmpty, isDecimal(raw) {
            return .number(JSONNumber(literal: raw))
        }
        if types.contains("null") || types.isEmpty, raw == "null" { return .null }
        if types.contains("array") || types.contains("object"), let node = try? JSONParser.parse(raw) {
            return node.value
        }
        return .string(raw)
    }

    private static func isDecimal(_ raw: String) -> Bool {
        guard let double = Double(raw), double.isFinite else { return false }
        return raw.allSatisfy { $0.isNumber || "+-.eE".contains($0) }
    }

    private static func setting(
        _ value: JSONNode, at tokens: ArraySlice<String>, in node: JSONNode, variable: String
    ) throws(HelpfulError) -> JSONNode {
        guard let key = tokens.first else { return value }
        var object: JSONObject
        switch node.value {
        case .object(let existing): object = existing
        case .null: object = JSONObject()
        default:
            throw HelpfulError(
                code: .configEnvironmentVariableTarget,
                problem: "Environment variable \(variable) sets a key inside '\(key)''s parent, which is a \(node.value.typeName), not a section",
                solution: "Point the variable at a key inside a section, or remove it",
                example: "unset \(variable)",
                location: ErrorLocation(origin: "environment variable \(variable)"),
                exitCode: .configuration
            )
        }
        let child = object[key] ?? JSONNode(.null, at: value.location)
        object[key] = try setting(value, at: tokens.dropFirst(), in: child, variable: variable)
        return JSONNode(.object(object), at: node.location)
    }
}
