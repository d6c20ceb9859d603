import CustomerSync
import Foundation
import Runbook
import Testing

/// The targets file: options expanded into arguments, every problem located, 10,000 targets loaded.
@Suite struct FleetTargetsFileTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func project(configs: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        for name in configs {
            try Data("global:\n  api-base-url: http://127.0.0.1:9/\n".utf8)
                .write(to: root.appendingPathComponent("config/\(name)-config.yaml"))
        }
        return root
    }

    @Test(arguments: ["yaml", "json"])
    func optionsBecomeArguments(format: String) throws {
        let root = try Self.project(configs: ["acme-prod", "globex-test"])
        defer { try? FileManager.default.removeItem(at: root) }
        let text = format == "yaml" ? """
            options:
              limit: 100
              verbose: true
            targets:
              - org: acme
                env: prod
                options: { limit: 10, verbose: false, tag: [a, b] }
              - { org: globex, env: test }

            """ : """
            {"options": {"limit": 100, "verbose": true},
             "targets": [{"org": "acme", "env": "prod", "options": {"limit": 10, "verbose": false, "tag": ["a", "b"]}},
                         {"org": "globex", "env": "test"}]}
            """
        let file = root.appendingPathComponent("targets.\(format)")
        try Data(text.utf8).write(to: file)
        let targets = try FleetTargetsFile.load(file, projectRoot: root)
        #expect(targets == [
            FleetTarget(org: "acme", env: "prod", arguments: ["--limit", "10", "--tag", "a", "--tag", "b"], index: 0),
            FleetTarget(org: "globex", env: "test", arguments: ["--limit", "100", "--verbose"], index: 1),
        ])
        #expect(targets[0].outputFolder == "output/acme-prod")
    }

    static let problems: [(text: String, exitCode: ExitCode, location: String, message: String)] = [
        ("targets:\n  - { org: acme, env: prod\n", .usage, "t.yaml:3:1", "is not valid YAML"),
        ("targets: []\n", .usage, "t.yaml:1:10", "targets: must have at least 1 item, found 0"),
        ("targets:\n  - { org: acme }\n", .usage, "t.yaml:2:5", "targets[0]: missing required key 'env'"),
        ("targets:\n  - { org: acme, env: prod, options: { limit: null } }\n", .usage, "t.yaml:2:47", "targets[0].options.limit"),
        ("targets:\n  - { org: ../etc, env: prod }\n", .usage, "t.yaml:2:12", "targets[0].org: invalid org '../etc'"),
        ("targets:\n  - { org: acme, env: prod }\n  - { org: acme, env: prod }\n", .usage, "t.yaml:3:5",
         "targets[1]: acme/prod is listed twice (first at line 2)"),
        ("targets:\n  - { org: acme, env: prod }\n  - { org: nope, env: prod }\n", .configuration, "t.yaml:3:5",
         "targets[1]: No configuration for nope/prod"),
    ]

    @Test(arguments: problems)
    func problemsAreLocated(_ problem: (text: String, exitCode: ExitCode, location: String, message: String)) throws {
        let root = try Self.project(configs: ["acme-prod"])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("t.yaml")
        try Data(problem.text.utf8).write(to: file)
        let error = try #require(throws: HelpfulError.self) {
            try FleetTargetsFile.load(file, projectRoot: root, displayPath: "t.yaml", script: nil)
        }
        #expect(error.exitCode == problem.exitCode)
        #expect(error.location?.filePosition == problem.location, "\(error)")
        #expect((error.problem + error.details.joined(separator: "\n")).contains(problem.message), "\(error)")
    }

    @Test func optionsTheScriptRefusesAreLocatedAtTheOption() throws {
        let root = try Self.project(configs: ["acme-prod"])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("t.yaml")
        try Data("targets:\n  - org: acme\n    env: prod\n    options:\n      limitt: 3\n".utf8).write(to: file)
        let error = try #require(throws: HelpfulError.self) {
            try FleetTargetsFile.load(file, projectRoot: root, displayPath: "t.yaml", script: CustomerSync.self)
        }
        #expect(error.exitCode == .usage)
        #expect(error.location?.filePosition == "t.yaml:5:7")
        #expect(error.location?.keyPath == "targets[0].options.limitt")
        #expect(error.problem.contains("customer-sync does not accept these options: Unknown option '--limitt'"))
    }

    /// 10,000 targets (100 orgs × 100 envs, each with a configuration) load and are checked.
    @Test func tenThousandTargetsLoad() throws {
        let orgs = (0..<100).map { "org\($0)" }
        let envs = (0..<100).map { "env\($0)" }
        let root = try Self.project(configs: orgs.flatMap { org in envs.map { "\(org)-\($0)" } })
        defer { try? FileManager.default.removeItem(at: root) }
        var text = "options: { limit: 5 }\ntargets:\n"
        for org in orgs { for env in envs { text += "  - { org: \(org), env: \(env) }\n" } }
        let file = root.appendingPathComponent("t.yaml")
        try Data(text.utf8).write(to: file)
        let targets = try FleetTargetsFile.load(file, projectRoot: root, displayPath: "t.yaml", script: CustomerSync.self)
        #expect(targets.count == 10_000)
        #expect(targets.last == FleetTarget(org: "org99", env: "env99", arguments: ["--limit", "5"], index: 9_999))
    }

    @Test func theSchemaFileIsTheBuiltInSchema() throws {
        let file = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("schemas/fleet-targets.schema.json"), encoding: .utf8)
        #expect(file == FleetTargetsFile.schemaText + "\n")
    }
}
