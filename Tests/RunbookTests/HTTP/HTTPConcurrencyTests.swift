import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Synchronization
import Testing

@Suite("HTTP concurrency")
struct HTTPConcurrencyTests {
    @Test("half-open under 20 concurrent calls: exactly one probe reaches the service")
    func oneProbe() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/x", response: .json(503, "{}"))
        let clock = ManualClock()
        let behavior = HTTPBehaviorSettings(
            retryStrategy: RetrySettings(maxRetries: 0),
            circuitBreaker: CircuitBreakerSettings(enabled: true, failureThreshold: 1, timeoutSeconds: 10))
        let client = makeClient(transport, behavior: behavior, clock: clock)
        _ = await httpError { _ = try await client.get("x") }
        clock.advance(by: .seconds(10))
        let (gate, open) = AsyncStream<Void>.makeStream()
        transport.route(.get, "/v2/x") { _ in
            for await _ in gate { break }
            return .json(200, "{}")
        }
        let failedFast = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    do { _ = try await client.get("x") } catch is CircuitOpenError { _ = failedFast.next() }
                }
            }
            while transport.requests.count < 2 || failedFast.current < 19 { await Task.yield() }
            open.yield()
            try await group.waitForAll()
        }
        #expect(transport.requests.count == 2)  // the call that opened it, then the single probe
    }

    @Test("concurrent 401s refresh the token once")
    func singleRefresh() async throws {
        let transport = FakeHTTPTransport()
        let issued = Counter()
        transport.route(.post, "/token") { _ in .json(200, #"{"access_token":"token-\#(issued.next())","expires_in":3600}"#) }
        transport.route(.get, "/v2/me") { request in
            request.header("Authorization") == "Bearer token-1" ? .json(401, "{}") : .json(200, "{}")
        }
        let clock = ManualClock()
        let tokens = ClientCredentialsTokenProvider(
            tokenURL: URL(string: "https://api.example.com/token")!, clientID: "a",
            clientSecret: Secret(name: "client-secret", value: "pw-123"), scope: "s", transport: transport, clock: clock)
        let client = makeClient(transport, clock: clock, tokens: tokens)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 { group.addTask { try await client.get("me").status.code } }
            for try await code in group { #expect(code == 200) }
        }
        #expect(transport.requests(.post, "/token").count == 2)
    }

    @Test("cancelling a call during its retry wait ends it with CancellationError")
    func cancellation() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/busy", response: .json(503, "{}"))
        let clock = ManualClock(mode: .manual)
        let client = makeClient(transport, clock: clock)
        let call = Task { try await client.get("busy") }
        while clock.pendingSleepers == 0 { await Task.yield() }
        call.cancel()
        await #expect(throws: CancellationError.self) { _ = try await call.value }
        #expect(transport.requests.count == 1)
    }
}
