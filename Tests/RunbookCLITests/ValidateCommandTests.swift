import Foundation
import JSONSchema
import RunbookTesting
import Testing

/// `runbook validate <org> <env>` checks what `run` checks, with the same messages: each script's own
/// fragment (`scripts.<name>`), the API settings and OAuth completeness; hints for typos and YAML 1.1
/// booleans; linear reports for documents with very many problems.
@Suite struct ValidateCommandTests {
    static let validWithTypoInFragment = BrokenConfigCase.validYAML.replacingOccurrences(of: "greeting: Hello", with: "greetng: Hello")

    @Test func aTypoInAScriptSectionFailsValidateAsItFailsRun() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", Self.validWithTypoInFragment)
        let validate = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        let run = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test"], in: project)
        #expect(validate.exitCode == 78)
        #expect(run.exitCode == 78)
        let line = "config/demo-test-config.yaml:11:5: scripts.hello-world.greetng: unknown key 'greetng' (did you mean 'greeting'?)"
        #expect(validate.stderr.contains(line), "\(validate.stderr)")
        #expect(run.stderr.contains(line), "\(run.stderr)")
        let all = await CLITester.helloWorld.run(["validate", "--all"], in: project)
        #expect(all.exitCode == 78)
        #expect(all.stderr.contains(line))
    }

    @Test func fragmentDefaultsAreFilledInAndShown() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        let validate = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        #expect(validate.exitCode == 0, "\(validate.stderr)")
        #expect(validate.stdout == "✅ demo/test: config/demo-test-config.yaml is valid (34 defaults filled in, 0 secrets)\n")
        let config = await CLITester.helloWorld.run(["config", "demo", "test"], in: project)
        #expect(config.stdout.contains("  hello-world:\n    greeting: Hello"), "\(config.stdout)")
        #expect(config.stdout.contains("    input-file: people.csv"))
        let explain = await CLITester.helloWorld.run(["config", "demo", "test", "--explain", "scripts.hello-world.input-file"], in: project)
        #expect(explain.stdout == """
            scripts.hello-world.input-file: people.csv
              origin:  schema default
              type:    string
              default: people.csv

            """, "\(explain.stdout)\(explain.stderr)")
    }

    @Test func incompleteOAuthFailsValidateWithTheClientsMessage() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML.replacingOccurrences(
            of: "  api-base-url: https://erp.example.com/api/", with: "  api-base-url: https://erp.example.com/api/\n  client-id: my-app"))
        let result = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains(
            "Token required but OAuth configuration for global is incomplete; missing: tenant-id, oauth-scope, client-secret (secrets file)"),
            "\(result.stderr)")
        try project.write("config/demo-test-config-secrets.yaml", "az-token: static-token-123\n")
        let withToken = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        #expect(withToken.exitCode == 0, "\(withToken.stderr)")
        #expect(!withToken.stdout.contains("static-token-123"))
    }

    @Test func yesForABooleanSaysWriteTrue() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML.replacingOccurrences(of: "enabled: false", with: "enabled: yes"))
        let result = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("script-behavior.rate-limiting.enabled: must be a boolean, found \"yes\" (YAML 1.2 reads yes as a string: write true)"),
                "\(result.stderr)")
    }

    @Test func unknownKeyInTheMainSchemaGetsDidYouMean() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML.replacingOccurrences(of: "max-retries: 3", with: "max-retires: 3"))
        let result = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("script-behavior.retry-strategy.max-retires: unknown key 'max-retires' (did you mean 'max-retries'?)"), "\(result.stderr)")
    }

    @Test func aMissingConfigurationListsTheOnesThatExist() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        try project.write("config/acme-prod-config.yaml", BrokenConfigCase.validYAML)
        let result = await CLITester.helloWorld.run(["validate", "acme", "prd"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("Did you mean acme-prod? Configurations found: acme-prod, demo-test."), "\(result.stderr)")
    }

    /// 100,000 unknown keys: linear work, so this takes a second or two; with a quadratic step
    /// (a lookup per reported key through the 100,000 members) it takes minutes.
    @Test func aHundredThousandUnknownKeysAreReportedInLinearTime() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        var text = "script-behavior: {}\nglobal:\n  api-base-url: https://erp.example.com/api/\n"
        text.reserveCapacity(2_500_000)
        for index in 0..<100_000 { text += "  unknown-key-\(index): 1\n" }
        try project.write("config/demo-test-config.yaml", text)
        let result = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("does not match the configuration schema (100,000 problems)"))
        #expect(result.stderr.contains("global.unknown-key-49: unknown key 'unknown-key-49'"))
        #expect(!result.stderr.contains("unknown-key-50:"))
        #expect(result.stderr.contains("… and 99,950 more"))
    }

    @Test func aSchemaThatRefersToItselfInPlaceIsUnusableNotInvalid() async throws {
        let project = try TestWorkspace.cli(copySchema: false)
        defer { project.remove() }
        let schema = project.root.appendingPathComponent("loop.json").path
        let data = project.root.appendingPathComponent("data.json").path
        try Data(##"{"allOf": [{"$ref": "#"}, {"$ref": "#"}]}"##.utf8).write(to: URL(fileURLWithPath: schema))
        try Data("{\"a\": [1, 2, 3]}".utf8).write(to: URL(fileURLWithPath: data))
        let result = await CLITester.helloWorld.run(["validate", "--schema", schema, data], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("is infinitely recursive"), "\(result.stderr)")
    }

    @Test func aNullOrScalarDataFileIsADocument() async throws {
        let project = try TestWorkspace.cli(copySchema: false)
        defer { project.remove() }
        let schema = project.root.appendingPathComponent("s.json").path
        try Data(#"{"type": ["null", "integer"]}"#.utf8).write(to: URL(fileURLWithPath: schema))
        var files: [String] = []
        for (name, text) in [("null.json", "null"), ("null.yaml", "~\n"), ("one.json", "1"), ("text.json", "\"x\"")] {
            let path = project.root.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let result = await CLITester.helloWorld.run(["validate", "--schema", schema] + files, in: project)
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: ": valid\n").count == 4, "\(result.stdout)")
        #expect(result.stdout.contains("text.json:1:1: error: /: must be an integer or null"), "\(result.stdout)")
    }
}
