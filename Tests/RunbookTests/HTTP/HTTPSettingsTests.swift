import Foundation
import Runbook
import Testing

@Suite("HTTP settings decoding")
struct HTTPSettingsTests {
    @Test("script-behavior decodes every kebab-case key and ignores unknown ones")
    func behavior() throws {
        let json = #"""
        {"api-timeouts":{"rest-timeout-seconds":30,"soap-timeout-seconds":120,"async-max-wait":600,"async-poll-interval":2},
         "retry-strategy":{"max-retries":3,"backoff-factor":2.5},
         "jitter":{"min-factor":0.9,"max-factor":1.1},
         "rate-limiting":{"enabled":true,"calls-per-second":2.5,"burst-size":4},
         "circuit-breaker":{"enabled":true,"failure-threshold":7,"timeout-seconds":90},
         "batch-handling":{"read-batch-size":200,"update-batch-size":10}}
        """#
        let settings = try SchemaFilledSettings.decode(HTTPBehaviorSettings.self, json, at: "script-behavior")
        #expect(settings == HTTPBehaviorSettings(
            apiTimeouts: APITimeoutSettings(restTimeoutSeconds: 30, asyncMaxWait: 600, asyncPollInterval: 2),
            retryStrategy: RetrySettings(maxRetries: 3, backoffFactor: 2.5),
            jitter: JitterSettings(minFactor: 0.9, maxFactor: 1.1),
            rateLimiting: RateLimitSettings(enabled: true, callsPerSecond: 2.5, burstSize: 4),
            circuitBreaker: CircuitBreakerSettings(enabled: true, failureThreshold: 7, timeoutSeconds: 90),
            batchHandling: BatchHandlingSettings(readBatchSize: 200)))
    }

    @Test("missing sections and keys are the schema defaults")
    func defaults() throws {
        let settings = try SchemaFilledSettings.decode(
            HTTPBehaviorSettings.self, #"{"retry-strategy":{"max-retries":0}}"#, at: "script-behavior")
        #expect(settings == HTTPBehaviorSettings(retryStrategy: RetrySettings(maxRetries: 0, backoffFactor: 3.0)))
        #expect(settings.apiTimeouts == APITimeoutSettings(restTimeoutSeconds: 60, asyncMaxWait: 300, asyncPollInterval: 5))
        #expect(settings.jitter == JitterSettings(minFactor: 0.8, maxFactor: 1.2))
        #expect(settings.rateLimiting == RateLimitSettings(enabled: false, callsPerSecond: 10, burstSize: 1))
        #expect(settings.circuitBreaker == CircuitBreakerSettings(enabled: false, failureThreshold: 5, timeoutSeconds: 60))
        #expect(settings.batchHandling.readBatchSize == 20)
    }

    @Test("global / apis.<name> decode their kebab-case keys")
    func api() throws {
        let json = #"{"api-base-url":"https://x/","api-version":"v2","tenant-id":"t","client-id":"c","oauth-scope":"s","token-url":"https://a/t","other":1}"#
        let settings = try JSONDecoder().decode(APISettings.self, from: Data(json.utf8))
        #expect(settings == APISettings(apiBaseURL: "https://x/", apiVersion: "v2", tenantID: "t", clientID: "c",
                                        oauthScope: "s", tokenURL: "https://a/t"))
    }

    @Test("a wrong type is a decoding error naming the key")
    func wrongType() {
        #expect {
            _ = try SchemaFilledSettings.decode(
                HTTPBehaviorSettings.self, #"{"retry-strategy":{"max-retries":"five"}}"#, at: "script-behavior")
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["retry-strategy", "max-retries"]
        }
    }

    @Test("decoding has no defaults of its own: a key the schema did not fill is an error naming it")
    func noSwiftDefaults() {
        #expect {
            _ = try JSONDecoder().decode(RetrySettings.self, from: Data(#"{"max-retries":2}"#.utf8))
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "backoff-factor"
        }
    }
}
