import Foundation
import JSONSchema
import Runbook
import RunbookTesting
import Testing

/// The loader's steps on real files: defaults, typed overrides with their origin, secrets.
@Suite struct ConfigLoaderTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func project(_ files: [String: String]) throws -> URL {
        let workspace = try TestWorkspace(copying: [ConfigSchemaSet.mainSchemaPath], from: Self.repositoryRoot)
        for (path, text) in files { try workspace.write(path, text) }
        return workspace.root
    }

    @Test func fillsEverySchemaDefault() throws {
        let root = try project(["config/acme-prod-config.json": #"{"global": {}, "script-behavior": {}}"#])
        defer { try? FileManager.default.removeItem(at: root) }
        let loaded = try ConfigLoader(projectRoot: root, environment: [:]).load(org: "acme", env: "prod", registry: SecretRegistry())
        let config = loaded.proxy
        #expect(try config.require(Int.self, "script-behavior", "retry-strategy", "max-retries") == 5)
        #expect(try config.require(Double.self, "script-behavior", "retry-strategy", "backoff-factor") == 3.0)
        #expect(try config.require(Bool.self, "script-behavior", "rate-limiting", "enabled") == false)
        #expect(try config.require(Int.self, "script-behavior", "batch-handling", "read-batch-size") == 20)
        #expect(config.origin(of: "script-behavior", "jitter", "min-factor") == .schemaDefault)
    }

    @Test func overridesAreTypedByTheSchemaAndRememberTheirVariable() throws {
        let root = try project(["config/acme-prod-config.yaml": "global:\n  api-version: v1\nscript-behavior: {}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let environment = [
            "RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__ENABLED": "true",
            "RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__CALLS_PER_SECOND": "2.5",
            "RUNBOOK__SCRIPT_BEHAVIOR__RETRY_STRATEGY__MAX_RETRIES": "0",
            "RUNBOOK__GLOBAL__API_VERSION": "2",
        ]
        let loaded = try ConfigLoader(projectRoot: root, environment: environment).load(org: "acme", env: "prod", registry: SecretRegistry())
        let config = loaded.proxy
        #expect(try config.require(Bool.self, "script-behavior", "rate-limiting", "enabled"))
        #expect(try config.require(Double.self, "script-behavior", "rate-limiting", "calls-per-second") == 2.5)
        #expect(try config.require(Int.self, "script-behavior", "retry-strategy", "max-retries") == 0)
        #expect(try config.require(String.self, "global", "api-version") == "2")
        #expect(config.origin(of: "global", "api-version") == .environment(variable: "RUNBOOK__GLOBAL__API_VERSION"))
    }

    @Test func secretsComeFromTheFileAndVariablesAndAreRegisteredForRedaction() throws {
        let root = try project([
            "config/acme-prod-config.yaml": "global: {}\nscript-behavior: {}\n",
            "config/acme-prod-config-secrets.yaml": "client-secret: file-secret-1234\napi-key: file-key-5678\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let registry = SecretRegistry()
        let loaded = try ConfigLoader(projectRoot: root, environment: ["RUNBOOK_SECRET_API_KEY": "variable-key-9012"])
            .load(org: "acme", env: "prod", registry: registry)
        #expect(try loaded.secrets.require("client-secret").reveal() == "file-secret-1234")
        #expect(try loaded.secrets.require("api-key").reveal() == "variable-key-9012")
        #expect("\(try loaded.secrets.require("api-key"))" == "Secret(api-key, redacted)")
        #expect(Set(registry.values) == ["file-secret-1234", "file-key-5678", "variable-key-9012"])
        let missing = #expect(throws: HelpfulError.self) { try loaded.secrets.require("client-secrte") }
        #expect(missing?.problem == "Missing secret 'client-secrte'")
        #expect(missing?.exitCode == .configuration)
        #expect(missing?.solution.hasSuffix("Did you mean 'client-secret'?") == true)
    }

    @Test func everyViolationIsReportedAtOnce() throws {
        let root = try project(["config/acme-prod-config.yaml": """
            global:
              api-base-url: not a url
            script-behavior:
              retry-strategy:
                max-retries: 11
              jitter:
                min-factr: 0.5
            """])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: HelpfulError.self) {
            try ConfigLoader(projectRoot: root, environment: [:]).load(org: "acme", env: "prod", registry: SecretRegistry())
        }
        #expect(error?.exitCode == .configuration)
        #expect(error?.problem == "config/acme-prod-config.yaml does not match the configuration schema (3 problems)")
        #expect(error?.details.count == 3)
        #expect(error?.details.first?.hasPrefix("config/acme-prod-config.yaml:2:17: global.api-base-url: ") == true)
        #expect(error?.details.last == "config/acme-prod-config.yaml:7:5: script-behavior.jitter.min-factr: unknown key 'min-factr' (did you mean 'min-factor'?)")
    }
}
