import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP RestClient retries")
struct HTTPRestClientRetryTests {
    @Test("retryable statuses are retried with exponential backoff until success", arguments: [408, 429, 500, 502, 503, 504])
    func retriesThenSucceeds(status: Int) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/customers", responses: [.json(status, "{}"), .json(status, "{}"), .json(200, #"{"value":[]}"#)])
        let clock = ManualClock()
        let response = try await makeClient(transport, clock: clock).get("customers")
        #expect(response.status.code == 200)
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(3)])
    }

    @Test("a permanent 503 is sent max-retries + 1 times, then reported", arguments: [0, 1, 3, 5])
    func exhausts(maxRetries: Int) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/fail", response: .json(503, #"{"error":{"message":"Service busy"}}"#))
        let clock = ManualClock()
        let error = await httpError { _ = try await makeClient(transport, behavior: .retries(maxRetries), clock: clock).get("fail") }
        #expect(transport.requests.count == maxRetries + 1)
        #expect(clock.sleeps == [1, 3, 9, 27, 81].prefix(maxRetries).map { Duration.seconds($0) })
        #expect(error?.status == 503)
        #expect(error?.attempts == maxRetries + 1)
        #expect(error?.helpfulError.problem == "GET https://api.example.com/v2/fail failed with HTTP 503: Service busy")
    }

    @Test("4xx other than 408/429 is not retried")
    func clientErrorsNotRetried() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/customers(42)", response: .json(404, #"{"error":{"code":"NotFound","message":"Customer 42 does not exist"}}"#, headers: ["x-ms-request-id": "abc-123"]))
        let error = await httpError { _ = try await makeClient(transport).get("customers(42)") }
        #expect(transport.requests.count == 1)
        let helpful = try #require(error?.helpfulError)
        #expect(helpful.problem == "GET https://api.example.com/v2/customers(42) failed with HTTP 404: Customer 42 does not exist (request id abc-123)")
        #expect(helpful.solution == "Check the path and the id, and global.api-base-url")
        #expect(helpful.location?.url == "https://api.example.com/v2/customers(42)")
        #expect(helpful.exitCode == .scriptFailed)
    }

    @Test("Retry-After in seconds and as an HTTP date is honoured exactly")
    func retryAfter() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/items", responses: [
            .json(429, "{}", headers: ["Retry-After": "7"]),
            .json(503, "{}", headers: ["Retry-After": "Sat, 25 Jan 2025 14:31:15 GMT"]),
            .json(200, "[]"),
        ])
        let clock = ManualClock()  // starts 2025-01-25T14:30:45Z
        _ = try await makeClient(transport, clock: clock).get("items")
        // 14:30:45 + 7 s = 14:30:52; the date is 23 s later.
        #expect(clock.sleeps == [.seconds(7), .seconds(23)])
        #expect(transport.requests.count == 3)
    }

    @Test("POST and PATCH are not retried without an Idempotency-Key")
    func postNotRetried() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/orders", responses: [.json(503, "{}"), .json(201, "{}")])
        let client = makeClient(transport)
        let error = await httpError { try await client.post("orders", json: ["id": 1]) }
        #expect(error?.status == 503)
        #expect(transport.requests.count == 1)
        try await client.post("orders", json: ["id": 1], idempotencyKey: "order-1")
        #expect(transport.requests.count == 2)
        #expect(transport.requests.last?.header("Idempotency-Key") == "order-1")
    }

    @Test("a POST with Idempotency-Key or an opt-in is retried")
    func postRetriedWhenSafe() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/orders", responses: [.json(503, "{}"), .json(201, "{}")])
        let response = try await makeClient(transport).post("orders", json: ["id": 1], idempotencyKey: "k-1")
        #expect(response.status.code == 201)
        #expect(transport.requests.count == 2)

        let second = FakeHTTPTransport()
        second.route(.patch, "/v2/orders(1)", responses: [.json(502, "{}"), .json(200, "{}")])
        var request = RestRequest(method: .patch, path: "orders(1)")
        request.retryNonIdempotent = true
        _ = try await makeClient(second).send(request)
        #expect(second.requests.count == 2)
    }

    @Test("a 429 is retried for POST and PATCH too: the server did not act on the request", arguments: [
        HTTPRequest.Method.post, .patch,
    ])
    func throttledPostRetried(method: HTTPRequest.Method) async throws {
        let transport = FakeHTTPTransport()
        transport.route(method, "/v2/orders", responses: [.json(429, "{}"), .json(200, "{}")])
        let response = try await makeClient(transport).send(RestRequest(method: method, path: "orders"))
        #expect(response.status.code == 200)
        #expect(transport.requests.count == 2)
    }

    @Test("transport errors and timeouts are retried; the last one is reported")
    func transportErrors() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/slow") { _ in throw HTTPTransportError(.timedOut, "no response within 60.0 s") }
        let clock = ManualClock()
        let error = await httpError { _ = try await makeClient(transport, behavior: .retries(2), clock: clock).get("slow") }
        #expect(transport.requests.count == 3)
        #expect(transport.requests.map(\.timeout) == [.seconds(60), .seconds(60), .seconds(60)])
        #expect(error?.kind == .timeout)
        #expect(error?.helpfulError.problem == "GET https://api.example.com/v2/slow timed out: no response within 60.0 s")
        #expect(error?.helpfulError.details == ["attempts: 3"])
    }

    @Test("the call's deadline stops retries whose wait would pass it")
    func deadline() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/busy", response: .json(503, "{}"))
        let clock = ManualClock()
        var request = RestRequest(path: "busy")
        request.deadline = .seconds(10)
        let error = await httpError { _ = try await makeClient(transport, clock: clock).send(request) }
        // Waits 1 s and 3 s; the third wait (9 s) would end at 13 s > 10 s.
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(3)])
        #expect(error?.kind == .deadlineExceeded)
        #expect(error?.helpfulError.problem == "GET https://api.example.com/v2/busy gave up: the call's deadline passed (last status HTTP 503)")
    }

    @Test("a deadline passed after transport failures names the last one")
    func deadlineAfterTransportError() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/down") { _ in throw HTTPTransportError(.connectionFailed, "connection refused") }
        var request = RestRequest(path: "down")
        request.deadline = .seconds(2)
        let error = await httpError { _ = try await makeClient(transport).send(request) }
        #expect(transport.requests.count == 2)
        #expect(error?.helpfulError.problem
            == "GET https://api.example.com/v2/down gave up: the call's deadline passed (last error: connection refused)")
        #expect(error?.helpfulError.details == ["attempts: 2"])
    }

    @Test("the rate limiter paces every attempt of every call to a host")
    func rateLimited() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/a", response: .json(200, "{}"))
        transport.route(.get, "/v2/b", response: .json(200, "{}"))
        let clock = ManualClock()
        let behavior = HTTPBehaviorSettings(rateLimiting: RateLimitSettings(enabled: true, callsPerSecond: 4, burstSize: 1))
        let shared = HostResilience(behavior: behavior, clock: clock)
        let first = makeClient(transport, behavior: behavior, clock: clock, resilience: shared)
        let second = makeClient(transport, behavior: behavior, clock: clock, resilience: shared)
        _ = try await first.get("a")
        _ = try await second.get("b")
        _ = try await first.get("b")
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(250)])
    }

    @Test("the resend after a 401 gets only what is left of the attempt's rest-timeout-seconds")
    func refreshWithinAttempt() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/me", responses: [.json(401, "{}"), .json(200, "{}")])
        let clock = ManualClock()
        let tokens = SlowTokens(clock: clock, cost: .seconds(25))
        let behavior = HTTPBehaviorSettings(apiTimeouts: APITimeoutSettings(restTimeoutSeconds: 60))
        _ = try await makeClient(transport, behavior: behavior, clock: clock, tokens: tokens).get("me")
        // The first token costs 25 s before the attempt starts; the refresh 25 s within it.
        #expect(transport.requests.map(\.timeout) == [.seconds(60), .seconds(35)])
    }
}

/// Tokens that take `cost` of the clock's time to fetch.
private final class SlowTokens: AccessTokenProvider {
    let clock: ManualClock
    let cost: Duration
    private let issued = Counter()

    init(clock: ManualClock, cost: Duration) {
        self.clock = clock
        self.cost = cost
    }

    func token() async throws -> String {
        clock.advance(by: cost)
        return "token-\(issued.next())"
    }

    func invalidate(_ token: String) async {}
}
