import Foundation
import HelloWorld
import Runbook
import RunbookTesting
import Testing

/// `TestWorkspace`: a temporary project, its helpers, and its removal.
@Suite struct TestWorkspaceTests {
    @Test func copiesWhatItIsToldAndSkipsWhatTheProjectDoesNotHave() throws {
        let workspace = try TestWorkspace(copying: [ConfigSchemaSet.mainSchemaPath, "data", "no-such-folder"], from: SourceTree.root)
        defer { workspace.remove() }
        #expect(workspace.projectRoot == SourceTree.root)
        #expect(workspace.exists("config"))
        #expect(workspace.files(in: "schemas") == ["org-env-config.schema.json"])
        #expect(workspace.files(in: "data") == (try FileManager.default.contentsOfDirectory(atPath: SourceTree.root.appendingPathComponent("data").path)).sorted())
        #expect(!workspace.exists("no-such-folder"))
        let bare = try TestWorkspace(copying: [], from: SourceTree.root)
        defer { bare.remove() }
        #expect(bare.files(in: "") == [])
        #expect(bare.root != workspace.root)
    }

    @Test func theStandardContentsAreTheSchemaAndTheRedactionPatternsFoundFromTheCurrentDirectory() throws {
        let workspace = try TestWorkspace()
        defer { workspace.remove() }
        #expect(workspace.files(in: "") == [ConfigSchemaSet.mainSchemaPath])   // the repository has no patterns file
    }

    @Test func writesConfigLayersSecretsAndFilesWhereTheCLIReadsThem() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        try workspace.writeConfig("script-behavior:\n  retry-strategy:\n    max-retries: 7\n", layer: .defaults)
        try workspace.writeConfig("global:\n  api-base-url: http://acme.test/\n", layer: .org, org: "acme")
        try workspace.writeConfig("scripts:\n  hello-world:\n    greeting: Hi\n", layer: .orgEnv, org: "acme", env: "prod")
        try workspace.writeSecrets(["api-key": "a \"quoted\" \\ value"], org: "acme", env: "prod")
        let folder = try workspace.writeSecretFile("from-a-file", named: "other-key", org: "acme", env: "prod")
        #expect(workspace.files(in: "config") == [
            "acme-config.yaml", "acme-prod-config-secrets.yaml", "acme-prod-config.yaml", "defaults.yaml",
        ])
        #expect(try workspace.text("secrets/acme-prod/other-key") == "from-a-file")
        #expect(folder == workspace.url("secrets"))
        #expect(throws: TestWorkspaceError.self) { try workspace.writeConfig("{}", layer: .environment) }
        let explained = await CLITester.helloWorld.run(
            ["config", "acme", "prod", "--explain", "script-behavior.retry-strategy.max-retries"], in: workspace)
        #expect(explained.exitCode == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("config/defaults.yaml"), "\(explained.stdout)")
        let config = await CLITester.helloWorld.run(["config", "acme", "prod"], in: workspace)
        #expect(config.exitCode == 0, "\(config.stderr)")
        #expect(!config.stdout.contains("quoted"), "a secret's value is never shown")
    }

    @Test func editReplacesTextAndFailsWhenTheTextIsNotThere() throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        try workspace.write("notes.txt", "one two")
        try workspace.edit("notes.txt", replacing: "two", with: "three")
        #expect(try workspace.text("notes.txt") == "one three")
        #expect(workspace.data("notes.txt") == Data("one three".utf8))
        #expect(workspace.data("nothing.txt") == nil)
        #expect(throws: TestWorkspaceError.self) { try workspace.edit("notes.txt", replacing: "two", with: "four") }
    }

    @Test func runRecordsAreTheRecordsTheRunsWrote() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        #expect(workspace.runRecords.isEmpty)
        try workspace.writeConfig(BrokenConfigCase.validYAML, layer: .orgEnv)
        let result = await CLITester(scripts: [HelloWorld.self], clock: ManualClock()).run(["run", "hello-world", "demo", "test"], in: workspace)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let records = workspace.runRecords
        #expect(records.map(\.record.script) == ["hello-world"])
        #expect(records.map(\.file) == workspace.files(in: "output").filter { $0.contains("-results_") }.map { "output/" + $0 })
    }

    @Test func removeAndWithDeleteTheFolder() async throws {
        let workspace = try TestWorkspace.cli()
        #expect(workspace.exists(""))
        workspace.remove()
        #expect(!FileManager.default.fileExists(atPath: workspace.root.path))
        let root = try await TestWorkspace.with(copying: [], from: SourceTree.root) { inside in
            try inside.write("a.txt", "a")
            return inside.root
        }
        #expect(!FileManager.default.fileExists(atPath: root.path))
        struct Failure: Error {}
        var leaked: URL?
        do {
            try await TestWorkspace.with(copying: [], from: SourceTree.root) { inside in
                leaked = inside.root
                throw Failure()
            }
            Issue.record("with did not rethrow")
        } catch is Failure {}
        let thrownRoot = try #require(leaked)
        #expect(!FileManager.default.fileExists(atPath: thrownRoot.path))
    }
}
