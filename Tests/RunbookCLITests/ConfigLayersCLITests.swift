import Foundation
import JSONSchema
import RunbookTesting
import Testing

/// The layers and the secret files through the CLI: `config` names each value's layer, `validate`
/// and `run` read the same layers, `--secrets-dir` is relative to the current directory.
@Suite struct ConfigLayersCLITests {
    static let defaults = "global:\n  api-base-url: https://erp.example.com/api/\nscript-behavior:\n  retry-strategy:\n    max-retries: 2\n"
    static let org = "script-behavior:\n  rate-limiting:\n    burst-size: 3\n"
    static let orgEnv = "global:\n  api-version: v9\n"

    func project() throws -> TestWorkspace {
        let project = try TestWorkspace.cli()
        try project.write("config/defaults.yaml", Self.defaults)
        try project.write("config/big-corp-config.yaml", Self.org)
        try project.write("config/big-corp-prod-config.yaml", Self.orgEnv)
        return project
    }

    @Test func explainNamesTheLayerOfEachValue() async throws {
        let project = try project()
        defer { project.remove() }
        let fromDefaults = await CLITester.helloWorld.run(["config", "big-corp", "prod", "--explain", "script-behavior.retry-strategy.max-retries"], in: project)
        #expect(fromDefaults.exitCode == 0, "\(fromDefaults.stderr)")
        #expect(fromDefaults.stdout.hasPrefix("""
            script-behavior.retry-strategy.max-retries: 2
              origin:  config/defaults.yaml:5:18 (defaults layer)
            """), "\(fromDefaults.stdout)")
        let fromOrg = await CLITester.helloWorld.run(["config", "big-corp", "prod", "--explain", "script-behavior.rate-limiting.burst-size"], in: project)
        #expect(fromOrg.stdout.contains("  origin:  config/big-corp-config.yaml:3:17 (org layer)\n"), "\(fromOrg.stdout)")
        let all = await CLITester.helloWorld.run(["config", "big-corp", "prod"], in: project)
        #expect(all.stdout.hasPrefix(
            "# Effective configuration for big-corp/prod "
                + "(config/defaults.yaml → config/big-corp-config.yaml → config/big-corp-prod-config.yaml)\n"), "\(all.stdout)")
        #expect(all.stdout.contains(#/  api-version: v9 +# config/big-corp-prod-config.yaml:2:16 \(org-env layer\)\n/#), "\(all.stdout)")
        let json = await CLITester.helloWorld.run(["config", "big-corp", "prod", "--json"], in: project)
        let root = try #require(try JSONParser.parse(json.stdout).value.objectValue)
        #expect(root["layers"]?.value.arrayValue?.compactMap(\.value.stringValue)
            == ["config/defaults.yaml", "config/big-corp-config.yaml", "config/big-corp-prod-config.yaml"])
        let values = root["values"]?.value.arrayValue?.compactMap(\.value.objectValue) ?? []
        let burst = values.first { $0["key"]?.value.stringValue == "script-behavior.rate-limiting.burst-size" }
        #expect(burst?["origin"]?.value.objectValue?["layer"]?.value.stringValue == "org")
        #expect(burst?["origin"]?.value.objectValue?["text"]?.value.stringValue == "config/big-corp-config.yaml:3:17")
    }

    @Test func validateReportsAViolationInDefaultsAtItsPosition() async throws {
        let project = try project()
        defer { project.remove() }
        try project.write("config/defaults.yaml", Self.defaults.replacingOccurrences(of: "max-retries: 2", with: "max-retries: eleven"))
        let result = await CLITester.helloWorld.run(["validate", "big-corp", "prod"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("config/defaults.yaml:5:18: script-behavior.retry-strategy.max-retries: must be an integer"),
                "\(result.stderr)")
        let all = await CLITester.helloWorld.run(["validate", "--all"], in: project)
        #expect(all.stdout.hasSuffix("0 of 1 configurations are valid\n"), "defaults and the org layer are no configurations: \(all.stdout)")
    }

    @Test func secretsDirIsReadByValidateConfigAndRun() async throws {
        let project = try project()
        defer { project.remove() }
        try project.write("mounted/big-corp-prod/api-key", "mounted-api-key-3141\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: project.root.appendingPathComponent("mounted/big-corp-prod/api-key").path)
        let validate = await CLITester.helloWorld.run(["validate", "big-corp", "prod", "--secrets-dir", "mounted"], in: project)
        #expect(validate.exitCode == 0, "\(validate.stderr)")
        #expect(validate.stdout.hasPrefix(
            "✅ big-corp/prod: config/big-corp-prod-config.yaml (merged with config/defaults.yaml, config/big-corp-config.yaml) is valid"),
            "\(validate.stdout)")
        #expect(validate.stdout.contains(", 1 secrets)"), "\(validate.stdout)")
        #expect(validate.stderr.contains("⚠️  Warning: ") && validate.stderr.contains("mounted/big-corp-prod/api-key holds secrets but can be read by group or others (mode 0644)"),
                "\(validate.stderr)")
        #expect(!validate.stderr.contains("mounted-api-key-3141"))
        let config = await CLITester.helloWorld.run(["config", "big-corp", "prod"], in: project, variables: ["RUNBOOK_SECRETS_DIR": "mounted"])
        #expect(config.stdout.contains("  api-key: \"[REDACTED]\""), "\(config.stdout)")
        #expect(!config.stdout.contains("mounted-api-key-3141"))
        let missing = await CLITester.helloWorld.run(["run", "hello-world", "big-corp", "prod", "--secrets-dir", "nowhere"], in: project)
        #expect(missing.exitCode == 78)
        #expect(missing.stderr.contains(project.root.appendingPathComponent("nowhere").standardizedFileURL.path), "\(missing.stderr)")
        let missingForConfig = await CLITester.helloWorld.run(["config", "big-corp", "prod", "--secrets-dir", "nowhere"], in: project)
        #expect(missingForConfig.exitCode == 78)
    }
}
