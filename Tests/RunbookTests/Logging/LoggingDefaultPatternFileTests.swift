import Foundation
import Runbook
import Testing

/// `config/log-redaction-patterns.yaml` documents the built-in set; it must not drift from it.
/// (Checked by text until the YAML reader lands; then parse it and compare rule by rule.)
struct LoggingDefaultPatternFileTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/log-redaction-patterns.yaml")

    @Test func fileListsTheBuiltInRulesInOrder() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let names = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("- name: ") ? String(trimmed.dropFirst("- name: ".count)) : nil
        }
        #expect(names == RedactionPatterns.builtIn.rules.map(\.name))
        for rule in RedactionPatterns.builtIn.rules {
            #expect(text.contains(rule.pattern), "pattern of \(rule.name) differs")
        }
    }
}
