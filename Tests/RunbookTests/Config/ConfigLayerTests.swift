import Foundation
import JSONSchema
@testable import Runbook
import Testing

/// The configuration layers on real files: `config/defaults.*` → `config/{org}-config.*` →
/// `config/{org}-{env}-config.*` → `RUNBOOK__…` variables, merged as mappings, validated as one document.
@Suite struct ConfigLayerTests {
    static let defaults = """
        # every org, every env
        script-behavior:
          retry-strategy:
            max-retries: 2
            backoff-factor: 2.0
          rate-limiting:
            enabled: true
            calls-per-second: 5
        """
    static let org = """
        global:
          api-base-url: https://acme.example.com/api/
        script-behavior:
          rate-limiting:
            calls-per-second: 20
        """
    static let orgEnv = """
        global:
          api-version: v2
        script-behavior:
          retry-strategy:
            max-retries: 4
        """

    func load(_ files: [String: String], org: String = "acme", env: String = "prod", environment: [String: String] = [:])
        throws -> LoadedConfiguration {
        let root = try ConfigLoaderTests().project(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return try ConfigLoader(projectRoot: root, environment: environment).load(org: org, env: env, registry: SecretRegistry())
    }

    @Test func layersMergeKeyByKeyAndEveryValueKeepsItsFile() throws {
        let loaded = try load([
            "config/defaults.yaml": Self.defaults, "config/acme-config.yaml": Self.org,
            "config/acme-prod-config.yaml": Self.orgEnv,
        ])
        let config = loaded.proxy
        #expect(try config.require(Int.self, "script-behavior", "retry-strategy", "max-retries") == 4)
        #expect(try config.require(Double.self, "script-behavior", "retry-strategy", "backoff-factor") == 2.0)
        #expect(try config.require(Bool.self, "script-behavior", "rate-limiting", "enabled") == true)
        #expect(try config.require(Double.self, "script-behavior", "rate-limiting", "calls-per-second") == 20)
        #expect(try config.require(String.self, "global", "api-base-url") == "https://acme.example.com/api/")
        #expect(try config.require(String.self, "global", "api-version") == "v2")
        #expect(config.origin(of: "script-behavior", "retry-strategy", "max-retries")
            == .file(path: "config/acme-prod-config.yaml", line: 5, column: 18))
        #expect(config.origin(of: "script-behavior", "retry-strategy", "backoff-factor")
            == .file(path: "config/defaults.yaml", line: 5, column: 21))
        #expect(config.origin(of: "script-behavior", "rate-limiting", "calls-per-second")
            == .file(path: "config/acme-config.yaml", line: 5, column: 23))
        #expect(config.origin(of: "script-behavior", "jitter", "min-factor") == .schemaDefault)
        #expect(loaded.layerFiles == ["config/defaults.yaml", "config/acme-config.yaml", "config/acme-prod-config.yaml"])
        #expect(loaded.file == "config/acme-prod-config.yaml")
        let layer = { (path: String...) in loaded.root.node(at: path).flatMap { loaded.sources.layer(of: $0.location) } }
        #expect(layer("script-behavior", "retry-strategy", "backoff-factor") == .defaults)
        #expect(layer("script-behavior", "rate-limiting", "calls-per-second") == .org)
        #expect(layer("global", "api-version") == .orgEnv)
        #expect(layer("script-behavior", "jitter", "min-factor") == .schemaDefault)
    }

    @Test func environmentVariablesStillWinOverEveryFile() throws {
        let loaded = try load(
            ["config/defaults.yaml": Self.defaults, "config/acme-prod-config.yaml": Self.orgEnv],
            environment: ["RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__CALLS_PER_SECOND": "7"])
        #expect(try loaded.proxy.require(Double.self, "script-behavior", "rate-limiting", "calls-per-second") == 7)
        let node = try #require(loaded.root.node(at: ["script-behavior", "rate-limiting", "calls-per-second"]))
        #expect(loaded.sources.layer(of: node.location) == .environment)
    }

    @Test func scalarsAndSequencesReplaceMappingsMerge() throws {
        var sources = ConfigSources()
        let first = sources.add(file: "a.yaml", layer: .defaults)
        let second = sources.add(file: "b.yaml", layer: .orgEnv)
        let reader = ConfigDocumentReader()
        let earlier = try reader.parse(Array("list: [1, 2, 3]\nmap: {a: 1, b: 2}\nkeep: x\nswap: {c: 1}\n".utf8), displayPath: "a.yaml", source: first)
        let later = try reader.parse(Array("list: [9]\nmap: {b: 3, d: 4}\nswap: plain\n".utf8), displayPath: "b.yaml", source: second)
        let merged = ConfigLayer.merge(earlier, later)
        #expect(EffectiveValueText.inline(merged.value) == "{list: [9], map: {a: 1, b: 3, d: 4}, keep: x, swap: plain}")
        #expect(merged.node(at: ["map", "a"])?.location.source == first)
        #expect(merged.node(at: ["map", "b"])?.location.source == second)
        #expect(merged.node(at: ["map"])?.location.source == second, "a merged mapping is located in the later file")
    }

    @Test func aSchemaViolationInDefaultsIsReportedInDefaults() throws {
        let error = #expect(throws: HelpfulError.self) {
            try load([
                "config/defaults.yaml": "script-behavior:\n  retry-strategy:\n    max-retries: 99\n",
                "config/acme-prod-config.yaml": "global: {}\n",
            ])
        }
        #expect(error?.exitCode == .configuration)
        #expect(error?.location?.file == "config/defaults.yaml")
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 18)
        #expect(error?.details == ["config/defaults.yaml:3:18: script-behavior.retry-strategy.max-retries: must be ≤ 10, found 99"])
        #expect(error?.problem == "config/acme-prod-config.yaml (merged with config/defaults.yaml) does not match the configuration schema (1 problem)")
    }

    @Test func aWrongTypeReadThroughTheProxyNamesTheLayerFile() throws {
        let loaded = try load(["config/defaults.yaml": Self.defaults, "config/acme-prod-config.yaml": "global: {}\n"])
        let error = #expect(throws: HelpfulError.self) {
            try loaded.proxy.require(String.self, "script-behavior", "rate-limiting", "enabled")
        }
        #expect(error?.location?.file == "config/defaults.yaml")
        #expect(error?.location?.line == 7)
    }

    @Test func requiredSectionsMayComeFromDefaults() throws {
        let files = ["config/defaults.yaml": "global: {}\nscript-behavior: {}\n", "config/acme-prod-config.yaml": "{}\n"]
        let loaded = try load(files)
        #expect(try loaded.proxy.require(Int.self, "script-behavior", "retry-strategy", "max-retries") == 5)
        let error = #expect(throws: HelpfulError.self) { try load(["config/acme-prod-config.yaml": "{}\n"]) }
        #expect(error?.details.first?.contains("global") == true, "\(String(describing: error?.details))")
    }

    @Test func eachLayerKeepsItsOwnDuplicateKeyAndShapeRules() throws {
        let duplicate = #expect(throws: HelpfulError.self) {
            try load(["config/acme-config.yaml": "global: {}\nglobal: {}\n", "config/acme-prod-config.yaml": Self.orgEnv])
        }
        #expect(duplicate?.location?.file == "config/acme-config.yaml")
        #expect(duplicate?.problem.contains("duplicate key 'global'") == true, "\(String(describing: duplicate?.problem))")
        let list = #expect(throws: HelpfulError.self) {
            try load(["config/defaults.json": "[1, 2]", "config/acme-prod-config.yaml": Self.orgEnv])
        }
        #expect(list?.problem == "config/defaults.json must be a mapping of sections, found array")
        let two = #expect(throws: HelpfulError.self) {
            try load(["config/defaults.yaml": "{}", "config/defaults.json": "{}", "config/acme-prod-config.yaml": Self.orgEnv])
        }
        #expect(two?.problem == "More than one file for the same configuration: config/defaults.yaml and config/defaults.json")
        let deep = String(repeating: "{\"a\": ", count: 300) + "1" + String(repeating: "}", count: 300)
        let tooDeep = #expect(throws: HelpfulError.self) {
            try load(["config/acme-config.json": deep, "config/acme-prod-config.yaml": Self.orgEnv])
        }
        #expect(tooDeep?.location?.file == "config/acme-config.json", "the nesting limit applies to each file")
        #expect(tooDeep?.problem.hasPrefix("config/acme-config.json is not valid JSON") == true, "\(String(describing: tooDeep?.problem))")
    }

    @Test func orgNamesWithHyphensFindTheirOrgLayer() throws {
        let files = [
            "config/big-corp-config.yaml": "global:\n  api-version: from-org\n",
            "config/big-corp-prod-config.yaml": "script-behavior: {}\n",
            "config/big-test-config.yaml": Self.orgEnv,
            "config/defaults.yaml": "global: {}\nscript-behavior: {}\n",
            "config/acme-config.yaml": Self.org,
            "config/big-corp-prod-config-secrets.yaml": "api-key: abcd-1234\n",
        ]
        let loaded = try load(files, org: "big-corp", env: "prod")
        #expect(try loaded.proxy.require(String.self, "global", "api-version") == "from-org")
        #expect(loaded.layerFiles == ["config/defaults.yaml", "config/big-corp-config.yaml", "config/big-corp-prod-config.yaml"])
        let other = try load(files, org: "big", env: "test")
        #expect(other.layerFiles == ["config/defaults.yaml", "config/big-test-config.yaml"], "big's org layer is big-config, not big-corp-config")
        // big-corp-config.yaml is big-corp's org layer, so it is not the configuration of big/corp.
        let ambiguous = #expect(throws: HelpfulError.self) { try load(files, org: "big", env: "corp") }
        #expect(ambiguous?.problem.hasPrefix("config/big-corp-config.yaml is ambiguous") == true)
        #expect(ambiguous?.exitCode == .configuration)
        let root = try ConfigLoaderTests().project(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let pairs = ConfigFileDiscovery(projectRoot: root).allConfigurations().map { "\($0.org)/\($0.env)" }
        #expect(pairs == ["big-corp/prod", "big/test"], "neither defaults.yaml, acme-config.yaml nor big-corp-config.yaml is a pair")
    }

    @Test func withoutOtherLayersNothingChanges() throws {
        let loaded = try load(["config/acme-prod-config.yaml": Self.orgEnv])
        #expect(loaded.layerFiles == ["config/acme-prod-config.yaml"])
        let error = #expect(throws: HelpfulError.self) {
            try load(["config/defaults.yaml": "global: {}\n", "config/acme-config.yaml": Self.org])
        }
        #expect(error?.problem.hasPrefix("No configuration for acme/prod") == true, "the org/env file stays required")
    }
}
