import Foundation
import JSONSchema
import RunbookTesting
import Testing

/// `runbook config`: `--explain` on documented but unset keys, and `--json` for both views.
@Suite struct ConfigCommandTests {
    @Test func explainOnADocumentedUnsetKeyShowsItsDocumentation() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        let result = await CLITester.helloWorld.run(["config", "demo", "test", "--explain", "global.tenant-id"], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            global.tenant-id: (not set)
              origin:  not set (the schema has no default for it; add it to config/demo-test-config.yaml if needed)
              type:    string
            """), "\(result.stdout)")
        let unknown = await CLITester.helloWorld.run(["config", "demo", "test", "--explain", "global.tenant-idd"], in: project)
        #expect(unknown.exitCode == 78)
        #expect(unknown.stderr.contains("Did you mean"), "\(unknown.stderr)")
    }

    @Test func configJSONIsJSONWithOriginsAndNoSecretValues() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        try project.write("config/demo-test-config-secrets.yaml", "az-token: \(BrokenConfigCase.plantedSecret)\n")
        let result = await CLITester.helloWorld.run(["config", "demo", "test", "--json"], in: project,
                                       variables: ["RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__ENABLED": "true"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(BrokenConfigCase.plantedSecret))
        let root = try #require(try JSONParser.parse(result.stdout).value.objectValue)
        #expect(root["org"]?.value.stringValue == "demo")
        #expect(root["file"]?.value.stringValue == "config/demo-test-config.yaml")
        let values = try #require(root["values"]?.value.arrayValue).compactMap(\.value.objectValue)
        func entry(_ key: String) -> JSONObject? { values.first { $0["key"]?.value.stringValue == key } }
        let url = try #require(entry("global.api-base-url"))
        #expect(url["value"]?.value.stringValue == "https://erp.example.com/api/")
        let origin = try #require(url["origin"]?.value.objectValue)
        #expect(origin["kind"]?.value.stringValue == "file")
        #expect(origin["line"]?.value.doubleValue == 2)
        #expect(origin["text"]?.value.stringValue == "config/demo-test-config.yaml:2:17")
        #expect(entry("script-behavior.retry-strategy.max-retries")?["value"]?.value.doubleValue == 3)
        #expect(entry("script-behavior.rate-limiting.enabled")?["origin"]?.value.objectValue?["variable"]?.value.stringValue
            == "RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__ENABLED")
        #expect(entry("scripts.hello-world.input-file")?["origin"]?.value.objectValue?["kind"]?.value.stringValue == "schemaDefault")
        let secrets = try #require(root["secrets"]?.value.arrayValue).compactMap(\.value.objectValue)
        #expect(secrets.map { $0["name"]?.value.stringValue } == ["az-token"])
        #expect(secrets.first?["origin"]?.value.stringValue == "config/demo-test-config-secrets.yaml")
    }

    @Test func explainJSONIsJSON() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        let set = await CLITester.helloWorld.run(["config", "demo", "test", "--explain", "script-behavior.retry-strategy.max-retries", "--json"], in: project)
        #expect(set.exitCode == 0, "\(set.stderr)")
        let object = try #require(try JSONParser.parse(set.stdout).value.objectValue)
        #expect(object["key"]?.value.stringValue == "script-behavior.retry-strategy.max-retries")
        #expect(Self.flag(object["set"]?.value) == true)
        #expect(object["value"]?.value.doubleValue == 3)
        #expect(object["origin"]?.value.objectValue?["text"]?.value.stringValue == "config/demo-test-config.yaml:5:18")
        #expect(object["type"]?.value.stringValue == "integer")
        #expect(object["minimum"]?.value.stringValue == "0")
        #expect(object["maximum"]?.value.stringValue == "10")
        #expect(object["default"]?.value.doubleValue == 5)
        #expect(object["description"]?.value.stringValue == "Retries after the first attempt; 0 means one attempt only.")
        let unset = await CLITester.helloWorld.run(["config", "demo", "test", "--explain", "global.tenant-id", "--json"], in: project)
        let unsetObject = try #require(try JSONParser.parse(unset.stdout).value.objectValue)
        #expect(Self.flag(unsetObject["set"]?.value) == false)
        #expect(unsetObject["value"] == nil)
        #expect(unsetObject["origin"].map { if case .null = $0.value { true } else { false } } == true)
    }

    static func flag(_ value: JSONValue?) -> Bool? {
        if case .bool(let flag)? = value { return flag }
        return nil
    }
}
