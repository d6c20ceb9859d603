import Foundation
import HTTPTypes
import Logging
import Runbook
import RunbookTesting

/// Builds a client over a fake transport with deterministic jitter (factor exactly 1.0).
func makeClient(
    _ transport: any HTTPTransport,
    behavior: HTTPBehaviorSettings = HTTPBehaviorSettings(),
    clock: ManualClock = ManualClock(),
    tokens: (any AccessTokenProvider)? = nil,
    resilience: HostResilience? = nil,
    registry: SecretRegistry? = nil,
    base: String = "https://api.example.com/v2/"
) -> RestClient {
    RestClient(
        baseURL: URL(string: base), transport: transport, behavior: behavior, tokenProvider: tokens,
        clock: clock, logger: Logger(label: "test"), resilience: resilience,
        random: SequenceRandomSource([0.5]), secretRegistry: registry)
}

/// Runs `body` and returns the `HTTPRequestError` it throws (nil when it throws none or another error).
func httpError(_ body: () async throws -> Void) async -> HTTPRequestError? {
    do {
        try await body()
        return nil
    } catch let error as HTTPRequestError {
        return error
    } catch {
        return nil
    }
}

extension HTTPBehaviorSettings {
    /// Defaults with `max-retries` and `backoff-factor` changed.
    static func retries(_ maxRetries: Int, factor: Double = 3.0) -> HTTPBehaviorSettings {
        HTTPBehaviorSettings(retryStrategy: RetrySettings(maxRetries: maxRetries, backoffFactor: factor))
    }
}
