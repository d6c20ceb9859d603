import JSONSchema

/// Turns schema violations into one `HelpfulError` that lists every violation with its origin
/// (`file:line:column`, environment variable, or schema default) and key path.
struct ConfigValidationFailure {
    let file: String
    let root: JSONNode
    let sources: ConfigSources
    let violations: [Violation]

    /// One line per violation: `config/x.yaml:12:5: script-behavior.jitter.min-factor: must be ≥ 0.1, found 0`.
    var lines: [String] {
        violations.map { violation in
            let keyPath = ConfigKeyPath.format(violation.instanceLocation.tokens, in: root)
            let origin = sources.origin(of: violation.sourceLocation)
            return "\(origin): \(keyPath): \(violation.message)"
        }
    }

    var helpfulError: HelpfulError {
        let count = violations.count
        let first = violations.first
        let firstPath = first.map { ConfigKeyPath.format($0.instanceLocation.tokens, in: root) }
        return HelpfulError(
            problem: "\(file) does not match the configuration schema (\(count) problem\(count == 1 ? "" : "s"))",
            solution: "Fix every value listed. \(ConfigSchemaSet.mainSchemaPath) documents each key with its type, "
                + "range and default; `runbook config <org> <env>` shows the effective values",
            example: "runbook validate <org> <env>",
            location: first.map { sources.errorLocation(of: $0.sourceLocation, keyPath: firstPath) },
            details: lines,
            exitCode: .configuration
        )
    }
}
