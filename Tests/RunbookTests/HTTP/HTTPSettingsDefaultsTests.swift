import Foundation
import JSONSchema
import Runbook
import Testing

/// The schema is the single source of defaults: decoding reads the schema-filled tree, and the
/// settings types' initializers build the same values in code. These keep the two equal.
@Suite("HTTP settings defaults are the schema's")
struct HTTPSettingsDefaultsTests {
    @Test("an empty script-behavior, filled by the schema, decodes to HTTPBehaviorSettings()")
    func behavior() throws {
        #expect(try SchemaFilledSettings.decode(HTTPBehaviorSettings.self, "{}", at: "script-behavior") == HTTPBehaviorSettings())
    }

    @Test("empty redirects, proxy and tls sections, filled by the schema, decode to their init() values")
    func apiSections() throws {
        let sections = #"{"redirects": {}, "proxy": {}, "tls": {}}"#
        for path in [["global"], ["apis", "erp"]] {
            let document = path.count == 1 ? sections : #"{"erp": \#(sections)}"#
            let decoded = try path.count == 1
                ? SchemaFilledSettings.decode(APISettings.self, document, at: "global")
                : try #require(SchemaFilledSettings.decode([String: APISettings].self, document, at: "apis")["erp"])
            #expect(decoded.redirects == RedirectSettings(), "\(path)")
            #expect(decoded.proxy == APIProxySettings(), "\(path)")
            #expect(decoded.tls == APITLSSettings(), "\(path)")
        }
    }

    @Test("the documented defaults: the values docs/configuration.md lists")
    func documentedValues() throws {
        let behavior = try SchemaFilledSettings.decode(HTTPBehaviorSettings.self, "{}", at: "script-behavior")
        #expect(behavior.apiTimeouts == APITimeoutSettings(restTimeoutSeconds: 60, asyncMaxWait: 300, asyncPollInterval: 5, secondsPerMiB: 5))
        #expect(behavior.retryStrategy == RetrySettings(maxRetries: 5, backoffFactor: 3.0))
        #expect(behavior.jitter == JitterSettings(minFactor: 0.8, maxFactor: 1.2))
        #expect(behavior.rateLimiting == RateLimitSettings(enabled: false, callsPerSecond: 10, burstSize: 1, scope: .run))
        #expect(behavior.circuitBreaker == CircuitBreakerSettings(enabled: false, failureThreshold: 5, timeoutSeconds: 60))
        #expect(behavior.batchHandling == BatchHandlingSettings(readBatchSize: 20))
        #expect(behavior.http == HTTPResponseSettings(compression: true, maxResponseBytes: 104_857_600, maxDecodedBytes: 268_435_456))
        let global = try SchemaFilledSettings.decode(APISettings.self, #"{"redirects": {}, "proxy": {}, "tls": {}}"#, at: "global")
        #expect(global.redirects == RedirectSettings(follow: true, max: 5, crossOrigin: false))
        #expect(global.proxy == APIProxySettings(enabled: true, url: nil, noProxy: [], user: nil, passwordSecret: nil))
        #expect(global.tls == APITLSSettings(minimumVersion: "1.2", pinnedSPKISHA256: []))
    }
}
