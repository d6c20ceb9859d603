import Foundation
import JSONSchema
import Runbook
import Testing

@Suite struct ConfigProxyTests {
    static let text = """
        global:
          api-base-url: https://erp.example.com/api/
        script-behavior:
          retry-strategy:
            max-retries: five
          rate-limiting:
            burst-size: 2

        """

    func proxy() throws -> ConfigProxy {
        var sources = ConfigSources()
        let source = sources.add(.file("config/acme-prod-config.yaml"))
        let root = try YAMLReader().read(Self.text, source: source)
        return ConfigProxy(root: root, sources: sources, file: "config/acme-prod-config.yaml")
    }

    @Test func requireReadsTypedValues() throws {
        let config = try proxy()
        #expect(try config.require(Int.self, "script-behavior", "rate-limiting", "burst-size") == 2)
        #expect(try config.require(URL.self, "global", "api-base-url") == URL(string: "https://erp.example.com/api/"))
        #expect(try config.require(String.self, "global", "api-base-url") == "https://erp.example.com/api/")
    }

    @Test func missingKeyNamesPathFileAndNearestKey() throws {
        let config = try proxy()
        #expect(throws: HelpfulError(
            code: .configKeyMissing,
            problem: "Missing required config key 'script-behavior.rate-limiting.burts-size' in config/acme-prod-config.yaml",
            solution: "Did you mean 'burst-size'? Otherwise add 'burts-size' to the 'script-behavior.rate-limiting' section of config/acme-prod-config.yaml",
            example: "script-behavior:\n  rate-limiting:\n    burts-size: <value>",
            location: ErrorLocation(file: "config/acme-prod-config.yaml", line: 7, column: 5, keyPath: "script-behavior.rate-limiting.burts-size"),
            exitCode: .configuration
        )) {
            try config.require(Int.self, "script-behavior", "rate-limiting", "burts-size")
        }
    }

    @Test func wrongTypeShowsTheValueAndItsPosition() throws {
        let config = try proxy()
        #expect(throws: HelpfulError(
            code: .configWrongType,
            problem: "Config key 'script-behavior.retry-strategy.max-retries' must be an integer, found \"five\" (a string)",
            solution: "Change the value at the position shown to an integer",
            example: "script-behavior:\n  retry-strategy:\n    max-retries: <value>",
            location: ErrorLocation(file: "config/acme-prod-config.yaml", line: 5, column: 18, keyPath: "script-behavior.retry-strategy.max-retries"),
            exitCode: .configuration
        )) {
            try config.require(Int.self, "script-behavior", "retry-strategy", "max-retries")
        }
    }

    @Test func optionalIsNilOnlyForAbsentKeysNotForTypos() throws {
        let config = try proxy()
        #expect(try config.optional(String.self, "global", "api-version") == nil)
        #expect(try config.optional(Int.self, "script-behavior", "rate-limiting", "burst-size") == 2)
        let error = #expect(throws: HelpfulError.self) {
            try config.optional(Int.self, "script-behavior", "rate-limiting", "burst-sise")
        }
        #expect(error?.problem == "Config key 'script-behavior.rate-limiting.burst-sise' does not exist in config/acme-prod-config.yaml, but 'script-behavior.rate-limiting.burst-size' does")
    }

    struct Retry: Decodable, Equatable {
        let maxRetries: Int
        enum CodingKeys: String, CodingKey { case maxRetries = "max-retries" }
    }

    struct Limits: Decodable, Equatable {
        let burstSize: Int
        let enabled: Bool
        enum CodingKeys: String, CodingKey { case burstSize = "burst-size", enabled }
    }

    @Test func decodableSectionsReportTheFailingValue() throws {
        let config = try proxy()
        let typeError = #expect(throws: HelpfulError.self) { try config.decode(Retry.self, "script-behavior", "retry-strategy") }
        #expect(typeError?.problem == "Config key 'script-behavior.retry-strategy.max-retries' must be an integer, found \"five\" (a string)")
        #expect(typeError?.location?.filePosition == "config/acme-prod-config.yaml:5:18")
        let missing = #expect(throws: HelpfulError.self) { try config.decode(Limits.self, "script-behavior", "rate-limiting") }
        #expect(missing?.problem == "Missing required config key 'script-behavior.rate-limiting.enabled' in config/acme-prod-config.yaml")
    }

    @Test func sectionProxiesUseRelativePaths() throws {
        let limits = try proxy().section("script-behavior", "rate-limiting")
        #expect(try limits.require(Int.self, "burst-size") == 2)
        let error = #expect(throws: HelpfulError.self) { try limits.require(Bool.self, "enabled") }
        #expect(error?.problem == "Missing required config key 'script-behavior.rate-limiting.enabled' in config/acme-prod-config.yaml")
    }
}
