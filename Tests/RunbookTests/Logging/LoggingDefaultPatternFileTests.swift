import Foundation
import Runbook
import Testing

/// `config/log-redaction-patterns_example.yaml` documents the built-in set: it must load (every
/// expression compiles, which also proves the lazily compiled built-ins valid) and match it rule by rule.
struct LoggingDefaultPatternFileTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/log-redaction-patterns_example.yaml")

    @Test func exampleFileIsTheBuiltInSet() throws {
        let node = try YAMLReader().read(Array(try Data(contentsOf: Self.file)))
        let loaded = try RedactionPatterns.load(from: node, file: "config/log-redaction-patterns_example.yaml")
        let builtIn = RedactionPatterns.builtIn.rules
        #expect(loaded.rules.map(\.name) == builtIn.map(\.name))
        #expect(loaded.rules.map(\.pattern) == builtIn.map(\.pattern))
        #expect(loaded.rules.map(\.replacement) == builtIn.map(\.replacement))
        #expect(loaded.rules.map(\.triggers) == builtIn.map(\.triggers))
        #expect(loaded.rules.map(\.check) == builtIn.map(\.check))
        #expect(loaded.rules.map(\.minimumDigits) == builtIn.map(\.minimumDigits))
        #expect(loaded.rules.map(\.minimumRun) == builtIn.map(\.minimumRun))
    }
}
