import Foundation
import RunbookTesting

/// The corpus: every way a configuration can be broken that a user has met (or an attacker tries).
enum BrokenConfigCorpus {
    static let file = "config/demo-test-config.yaml"
    static let jsonFile = "config/demo-test-config.json"

    static let cases: [BrokenConfigCase] = malformedYAML + malformedJSON + schemaViolations + filesAndNames + [secretInConfig]

    static let malformedYAML: [BrokenConfigCase] = [
        .init(name: "yaml unclosed flow sequence", files: .yaml("global: [1, 2\nscript-behavior: {}\n"), location: "\(file):", code: "RB-CFG-008"),
        .init(name: "yaml tab indentation", files: .yaml("global:\n\tapi-base-url: x\n"), location: "\(file):2:", code: "RB-CFG-008"),
        .init(name: "yaml duplicate key", files: .yaml("global: {}\nscript-behavior: {}\nglobal: {}\n"), location: "\(file):3:1", code: "RB-CFG-008"),
        .init(name: "yaml alias bomb", files: .yaml(aliasBomb), location: "\(file):", code: "RB-CFG-008"),
        .init(name: "yaml 10000-deep nesting", files: .yaml(String(repeating: "[", count: 10_000)), location: "\(file):1:", code: "RB-CFG-008"),
        .init(name: "yaml 10000-deep mappings", files: .yaml(deepMappings), location: "\(file):", code: "RB-CFG-008"),
        .init(name: "yaml two documents", files: .yaml(BrokenConfigCase.validYAML + "---\nglobal: {}\n"), location: "\(file):", code: "RB-CFG-008"),
        .init(name: "yaml undefined alias", files: .yaml("global: *nothing\nscript-behavior: {}\n"), location: "\(file):1:", code: "RB-CFG-008"),
        .init(name: "yaml unknown tag", files: .yaml("global: !custom {}\nscript-behavior: {}\n"), location: "\(file):1:", code: "RB-CFG-008"),
        .init(name: "yaml empty file", files: .yaml(""), location: file, code: "RB-CFG-003"),
        .init(name: "yaml only comments", files: .yaml("# nothing here\n# at all\n"), location: file, code: "RB-CFG-005"),
        .init(name: "yaml binary file", files: ["config/demo-test-config.yaml": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])], location: "\(file):", code: "RB-CFG-004"),
        .init(name: "yaml invalid utf-8", files: ["config/demo-test-config.yaml": Data([0x67, 0x3A, 0x20, 0xC3, 0x28, 0x0A])], location: "\(file):", code: "RB-CFG-008"),
        .init(name: "yaml top level is a list", files: .yaml("- global\n- script-behavior\n"), location: "\(file):1:1", code: "RB-CFG-009"),
        .init(name: "yaml top level is a scalar", files: .yaml("just text\n"), location: "\(file):1:1", code: "RB-CFG-009"),
        .init(name: "yaml mapping as a key", files: .yaml("? [a, b]\n: 1\n"), location: "\(file):1:", code: "RB-CFG-008"),
    ]

    static let malformedJSON: [BrokenConfigCase] = [
        .init(name: "json trailing comma", files: .json("{\"global\": {},\n \"script-behavior\": {},\n}"), location: "\(jsonFile):3:1", code: "RB-CFG-008"),
        .init(name: "json trailing garbage", files: .json("{\"global\": {}, \"script-behavior\": {}} x"), location: "\(jsonFile):1:39", code: "RB-CFG-008"),
        .init(name: "json duplicate key", files: .json("{\"global\": {},\n\"global\": {}, \"script-behavior\": {}}"), location: "\(jsonFile):2:1", code: "RB-CFG-008"),
        .init(name: "json invalid escape", files: .json("{\"global\": {\"api-version\": \"v\\q\"}}"), location: "\(jsonFile):1:", code: "RB-CFG-008"),
        .init(name: "json leading zero", files: .json("{\"global\": {}, \"script-behavior\": {\"api-delay-seconds\": 01}}"), location: "\(jsonFile):1:", code: "RB-CFG-008"),
        .init(name: "json unterminated string", files: .json("{\"global\": {\"api-version\": \"v2"), location: "\(jsonFile):1:", code: "RB-CFG-008"),
        .init(name: "json single quotes", files: .json("{'global': {}}"), location: "\(jsonFile):1:2", code: "RB-CFG-008"),
        .init(name: "json 10000-deep nesting", files: .json(String(repeating: "[", count: 10_000)), location: "\(jsonFile):1:", code: "RB-CFG-008"),
        .init(name: "json empty file", files: .json(""), location: jsonFile, code: "RB-CFG-003"),
        .init(name: "json binary file", files: ["config/demo-test-config.json": Data([0x00, 0x01, 0x02, 0xFF])], location: "\(jsonFile):1:1", code: "RB-CFG-004"),
    ]

    static let schemaViolations: [BrokenConfigCase] = [
        .init(name: "integer given a fraction", files: .yamlReplacing(line: 8, with: "    burst-size: 1.5"), location: "\(file):8:17", code: "RB-CFG-010"),
        .init(name: "integer above maximum", files: .yamlReplacing(line: 5, with: "    max-retries: 11"), location: "\(file):5:18", code: "RB-CFG-010"),
        .init(name: "number below minimum", files: .yamlReplacing(line: 8, with: "    calls-per-second: -1"), location: "\(file):8:23", code: "RB-CFG-010"),
        .init(name: "misspelt key under additionalProperties false", files: .yamlReplacing(line: 5, with: "    max-retires: 3"), location: "\(file):5:5", code: "RB-CFG-010"),
        .init(name: "unknown top-level key", files: .yaml(BrokenConfigCase.validYAML + "custom-settings: {}\n"), location: "\(file):12:1", code: "RB-CFG-010"),
        .init(name: "missing required global", files: .yaml("script-behavior: {}\n"), location: "\(file):1:1", code: "RB-CFG-010"),
        .init(name: "missing required script-behavior", files: .yaml("global: {}\n"), location: "\(file):1:1", code: "RB-CFG-010"),
        .init(name: "api-base-url not a uri", files: .yamlReplacing(line: 2, with: "  api-base-url: not a url"), location: "\(file):2:17", code: "RB-CFG-010"),
        .init(name: "boolean written as yes", files: .yamlReplacing(line: 7, with: "    enabled: yes"), location: "\(file):7:14", code: "RB-CFG-010"),
        .init(name: "section given a scalar", files: .yaml("global: fast\nscript-behavior: {}\n"), location: "\(file):1:9", code: "RB-CFG-010"),
        .init(name: "script section wrong type", files: .yamlReplacing(line: 11, with: "    greeting: 42"), location: "\(file):11:15", code: "RB-CFG-010"),
        .init(name: "override with wrong type", files: .yaml(BrokenConfigCase.validYAML),
              variables: ["RUNBOOK__SCRIPT_BEHAVIOR__RETRY_STRATEGY__MAX_RETRIES": "many"],
              location: "environment variable RUNBOOK__SCRIPT_BEHAVIOR__RETRY_STRATEGY__MAX_RETRIES", code: "RB-CFG-010"),
        .init(name: "override into a scalar", files: .yaml(BrokenConfigCase.validYAML),
              variables: ["RUNBOOK__SCRIPTS__HELLO_WORLD__GREETING__TEXT": "x"],
              location: "RUNBOOK__SCRIPTS__HELLO_WORLD__GREETING__TEXT", code: "RB-CFG-016"),
    ]

    static let filesAndNames: [BrokenConfigCase] = [
        .init(name: "missing config file", files: [:], location: "config/demo-test-config.yaml", code: "RB-CFG-001"),
        .init(name: "yaml and json both present",
              files: .yaml(BrokenConfigCase.validYAML).merging(["config/demo-test-config.json": Data("{}".utf8)]) { $1 },
              location: "config/demo-test-config.yaml and config/demo-test-config.json", code: "RB-CFG-002"),
        .init(name: "yaml and yml both present",
              files: .yaml(BrokenConfigCase.validYAML).merging(["config/demo-test-config.yml": Data("{}".utf8)]) { $1 },
              location: "config/demo-test-config.yaml and config/demo-test-config.yml", code: "RB-CFG-002"),
        .init(name: "secrets nested", files: .yaml(BrokenConfigCase.validYAML).merging(
            ["config/demo-test-config-secrets.yaml": Data("oauth:\n  client-secret: \(BrokenConfigCase.plantedSecret)\n".utf8)]) { $1 },
              location: "config/demo-test-config-secrets.yaml:1:1", code: "RB-SEC-003"),
        .init(name: "secrets malformed", files: .yaml(BrokenConfigCase.validYAML).merging(
            ["config/demo-test-config-secrets.yaml": Data("client-secret: \"\(BrokenConfigCase.plantedSecret)\n".utf8)]) { $1 },
              location: "config/demo-test-config-secrets.yaml:", code: "RB-CFG-008"),
        .init(name: "org with path traversal", files: .yaml(BrokenConfigCase.validYAML), org: "../etc", location: "<org>", code: "RB-CFG-021"),
        .init(name: "env with path traversal", files: .yaml(BrokenConfigCase.validYAML), env: "prod/../../x", location: "<env>", code: "RB-CFG-021"),
        .init(name: "org upper case", files: .yaml(BrokenConfigCase.validYAML), org: "ACME", location: "<org>", code: "RB-CFG-021"),
        .init(name: "org empty", files: .yaml(BrokenConfigCase.validYAML), org: "", location: "<org>", code: "RB-CFG-021"),
        .init(name: "env with a dot", files: .yaml(BrokenConfigCase.validYAML), env: "test.json", location: "<env>", code: "RB-CFG-021"),
        .init(name: "schema file missing", files: .yaml(BrokenConfigCase.validYAML), location: "schemas/org-env-config.schema.json", removeSchema: true, code: "RB-SCH-001"),
        .init(name: "config larger than the limit", files: [:], location: "config/demo-test-config.yaml",
              sparseConfigBytes: 65 << 20, code: "RB-CFG-006"),
    ]

    static let aliasBomb: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("global: {}\nscript-behavior: {}\nscripts: {bomb: *a9}")
        return lines.joined(separator: "\n") + "\n"
    }()

    static let deepMappings: String = {
        var text = ""
        for depth in 0..<10_000 { text += String(repeating: " ", count: depth) + "k:\n" }
        return text
    }()
}

extension Dictionary where Key == String, Value == Data {
    static func yaml(_ text: String) -> [String: Data] { BrokenConfigCase.yaml(text) }
    static func json(_ text: String) -> [String: Data] { BrokenConfigCase.json(text) }
    static func yamlReplacing(line: Int, with text: String) -> [String: Data] {
        BrokenConfigCase.yamlReplacing(line: line, with: text)
    }
}

extension BrokenConfigCorpus {
    /// A secret pasted into the main file by mistake is still never shown (it is also in the secrets file).
    static let secretInConfig = BrokenConfigCase(
        name: "secret pasted into the config",
        files: BrokenConfigCase.yamlReplacing(line: 2, with: "  api-base-url: \(BrokenConfigCase.plantedSecret)"),
        location: "config/demo-test-config.yaml:2:17", code: "RB-CFG-010")
}
