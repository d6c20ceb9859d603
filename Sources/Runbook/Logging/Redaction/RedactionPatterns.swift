public import JSONSchema

/// The ordered pattern rules of the second redaction layer, read from
/// `config/log-redaction-patterns.yaml` or taken from the built-in set.
///
/// The file (optional) has this shape; every key is required unless marked optional:
///
/// ```yaml
/// redaction-patterns:
///   patterns:
///     - name: url-api-key             # string, unique
///       pattern: '(api[-_]?key=)[^&\s]+' # regular expression, matched case-insensitively
///       replacement: '$1[REDACTED]'   # template; $1 refers to capture group 1
///       check: luhn                   # optional: only replace matches passing the Luhn check
/// ```
///
/// ```swift
/// let node = try YAMLReader().read(bytes)
/// let patterns = try RedactionPatterns.load(from: node, file: "config/log-redaction-patterns.yaml")
/// ```
public struct RedactionPatterns: Sendable {
    /// The rules, in the order they are applied.
    public let rules: [RedactionPattern]
    /// Every rule's triggers in one automaton (owner: the rule's index), so a line is scanned
    /// once for all of them.
    private let triggers: SecretMatcher

    /// Creates a rule set.
    public init(_ rules: [RedactionPattern]) {
        self.rules = rules
        let pairs = rules.enumerated().flatMap { index, rule in rule.triggerBytes.map { ($0, index) } }
        triggers = SecretMatcher(patterns: pairs.map(\.0), owners: pairs.map(\.1))
    }

    /// Applies every rule in order; a rule runs only on text holding one of its triggers and
    /// meeting its minimums.
    public func apply(to text: String) -> String {
        var result = text
        var lowered = LowercasedText(text)
        var triggered = triggeredRules(lowered)
        for (index, rule) in rules.enumerated()
        where rule.meetsMinimums(lowered) && (rule.triggerBytes.isEmpty || triggered[index]) {
            let replaced = rule.applyRegex(to: result)
            if replaced != result {
                result = replaced
                lowered = LowercasedText(result)
                triggered = triggeredRules(lowered)
            }
        }
        return result
    }

    private func triggeredRules(_ text: LowercasedText) -> [Bool] {
        var found = [Bool](repeating: false, count: rules.count)
        triggers.forEachOwner(in: text.bytes) { found[$0] = true }
        return found
    }

    /// Reads and validates a pattern document. Every problem is reported as a `HelpfulError`
    /// (exit code 78) naming the file, line and column of the offending entry.
    public static func load(from node: JSONNode, file: String) throws -> RedactionPatterns {
        let reader = PatternDocumentReader(file: file)
        let root = try reader.object(node, path: "")
        guard let section = root["redaction-patterns"] else {
            throw reader.error("is missing the top-level key 'redaction-patterns'", at: node, path: "")
        }
        let sectionObject = try reader.object(section, path: "redaction-patterns")
        guard let list = sectionObject["patterns"] else {
            throw reader.error("is missing the key 'redaction-patterns.patterns'", at: section, path: "redaction-patterns")
        }
        guard let entries = list.value.arrayValue else {
            throw reader.error("has 'redaction-patterns.patterns' as \(list.value.typeName), expected a list", at: list,
                               path: "redaction-patterns.patterns")
        }
        guard !entries.isEmpty else {
            throw reader.error("has no patterns; at least one is required", at: list, path: "redaction-patterns.patterns")
        }
        var rules: [RedactionPattern] = []
        var names: Set<String> = []
        for (index, entry) in entries.enumerated() {
            let rule = try reader.rule(entry, path: "redaction-patterns.patterns[\(index)]")
            guard names.insert(rule.name).inserted else {
                throw reader.error("names pattern '\(rule.name)' twice", at: entry, path: "redaction-patterns.patterns[\(index)]")
            }
            rules.append(rule)
        }
        return RedactionPatterns(rules)
    }
}
