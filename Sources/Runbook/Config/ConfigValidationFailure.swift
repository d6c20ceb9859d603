import JSONSchema

/// Turns schema violations into one `HelpfulError` that lists the violations with their origin
/// (`file:line:column`, environment variable, or schema default) and key path: the first
/// `maxListed`, then a count of the rest, so that a document with 100,000 unknown keys is reported
/// in time linear in its size.
struct ConfigValidationFailure {
    let file: String
    let root: JSONNode
    let sources: ConfigSources
    let violations: [Violation]

    /// How many violations are listed one by one.
    static let maxListed = 50

    /// One line per listed violation: `config/x.yaml:12:5: script-behavior.jitter.min-factor: must be ≥ 0.1, found 0`,
    /// then `… and 99,950 more` when there are more.
    var lines: [String] {
        var lines = violations.prefix(Self.maxListed).map { violation in
            let keyPath = ConfigKeyPath.format(violation.instanceLocation.tokens, in: root)
            let origin = sources.origin(of: violation.sourceLocation)
            return "\(origin): \(keyPath): \(violation.message)\(hint(violation))"
        }
        if violations.count > Self.maxListed {
            lines.append("… and \(Self.grouped(violations.count - Self.maxListed)) more")
        }
        return lines
    }

    /// YAML 1.2 reads `yes`, `no`, `on`, `off`, `y`, `n` as strings: say what to write instead.
    private func hint(_ violation: Violation) -> String {
        guard violation.keyword == "type", violation.message.contains("boolean"),
              case .string(let text)? = root.node(at: violation.instanceLocation.tokens)?.value
        else { return "" }
        switch text.lowercased() {
        case "yes", "on", "y": return " (YAML 1.2 reads \(text) as a string: write true)"
        case "no", "off", "n": return " (YAML 1.2 reads \(text) as a string: write false)"
        default: return ""
        }
    }

    /// `99950` → `99,950`.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    var helpfulError: HelpfulError {
        let count = violations.count
        let first = violations.first
        let firstPath = first.map { ConfigKeyPath.format($0.instanceLocation.tokens, in: root) }
        return HelpfulError(
            code: .configSchemaViolation,
            problem: "\(file) does not match the configuration schema (\(Self.grouped(count)) problem\(count == 1 ? "" : "s"))",
            solution: "Fix every value listed. \(ConfigSchemaSet.mainSchemaPath) documents each key with its type, "
                + "range and default; `runbook config <org> <env>` shows the effective values",
            example: "runbook validate <org> <env>",
            location: first.map { sources.errorLocation(of: $0.sourceLocation, keyPath: firstPath) },
            details: lines,
            exitCode: .configuration
        )
    }
}
