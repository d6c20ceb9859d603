import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP RestClient circuit breaker")
struct HTTPRestClientBreakerTests {
    let behavior = HTTPBehaviorSettings(
        retryStrategy: RetrySettings(maxRetries: 0),
        circuitBreaker: CircuitBreakerSettings(enabled: true, failureThreshold: 2, timeoutSeconds: 30))

    @Test("4xx never opens the breaker")
    func clientErrorsDoNotCount() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/missing", response: .json(404, "{}"))
        let client = makeClient(transport, behavior: behavior)
        for _ in 0..<5 { _ = await httpError { _ = try await client.get("missing") } }
        #expect(transport.requests.count == 5)
    }

    @Test("5xx and transport failures open it; calls then fail fast with its HelpfulError")
    func opens() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/down", response: .json(500, "{}"))
        transport.route(.get, "/v2/gone") { _ in throw HTTPTransportError(.connectionFailed, "connection refused") }
        let clock = ManualClock()
        let client = makeClient(transport, behavior: behavior, clock: clock)
        _ = await httpError { _ = try await client.get("down") }
        _ = await httpError { _ = try await client.get("gone") }
        await #expect(throws: CircuitOpenError(name: "api.example.com", retryIn: .seconds(30), probeInFlight: false)) {
            _ = try await client.get("down")
        }
        #expect(transport.requests.count == 2)
        // After the open period one probe goes; it succeeds and closes the breaker.
        clock.advance(by: .seconds(30))
        transport.route(.get, "/v2/down", response: .json(200, "{}"))
        _ = try await client.get("down")
        _ = try await client.get("down")
        #expect(transport.requests.count == 4)
    }

    @Test("while the half-open probe is in flight, other calls fail fast")
    func probeInFlight() async throws {
        let transport = FakeHTTPTransport()
        let clock = ManualClock()
        let client = makeClient(transport, behavior: behavior, clock: clock)
        transport.route(.get, "/v2/x", response: .json(503, "{}"))
        _ = await httpError { _ = try await client.get("x") }
        _ = await httpError { _ = try await client.get("x") }
        clock.advance(by: .seconds(30))
        let (gate, release) = AsyncStream<Void>.makeStream()
        transport.route(.get, "/v2/x") { _ in
            for await _ in gate { break }
            return .json(200, "{}")
        }
        let probe = Task { try await client.get("x") }
        while transport.requests.count < 3 { await Task.yield() }
        await #expect(throws: CircuitOpenError(name: "api.example.com", retryIn: nil, probeInFlight: true)) {
            _ = try await client.get("x")
        }
        release.yield()
        #expect(try await probe.value.status.code == 200)
        #expect(transport.requests.count == 3)
    }
}
