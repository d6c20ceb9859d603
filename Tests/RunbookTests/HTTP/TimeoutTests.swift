import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP timeouts that fit the work")
struct TimeoutTests {
    @Test("a GET gets rest-timeout-seconds; a 50 MiB upload gets 60 s + 5 s per MiB")
    func sizeAware() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/small", response: .json(200, "{}"))
        transport.route(.put, "/v2/files/big", response: .json(200, "{}"))
        let client = makeClient(transport)
        _ = try await client.get("small")
        var upload = RestRequest(method: .put, path: "files/big", body: Data(count: 50 * 1024 * 1024))
        upload.headerFields[.contentType] = "application/octet-stream"
        _ = try await client.send(upload)
        #expect(transport.requests.map(\.timeout) == [.seconds(60), .seconds(60 + 250)])
    }

    @Test("seconds-per-mib is configurable, to the millisecond; 0 turns the allowance off", arguments: [(0.0, 30_000), (2.0, 31_000)])
    func configured(perMiB: Double, milliseconds: Int64) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/upload", response: .json(200, "{}"))
        let behavior = HTTPBehaviorSettings(apiTimeouts: APITimeoutSettings(restTimeoutSeconds: 30, secondsPerMiB: perMiB))
        var request = RestRequest(method: .post, path: "upload", body: Data(count: 512 * 1024))
        request.retryNonIdempotent = true
        _ = try await makeClient(transport, behavior: behavior).send(request)
        #expect(transport.requests.map(\.timeout) == [.milliseconds(milliseconds)])
    }

    @Test("the call's budget grows with the allowance: a slow 50 MiB upload is retried, not cut off by 10 × 60 s")
    func budgetGrows() async throws {
        let transport = FakeHTTPTransport()
        let clock = ManualClock()
        transport.route(.put, "/v2/files/big", handler: { _ in
            clock.advance(by: .seconds(300))   // every attempt takes 300 s of the run's clock
            return .json(503, "{}")
        })
        let behavior = HTTPBehaviorSettings.retries(2, factor: 1)
        let error = await httpError {
            _ = try await makeClient(transport, behavior: behavior, clock: clock)
                .send(RestRequest(method: .put, path: "files/big", body: Data(count: 50 * 1024 * 1024)))
        }
        // Budget 600 s + 250 s allowance = 850 s: attempts at 0, 301 and 602 s, the third cut to what is left.
        // (Without the allowance the 600 s budget would end the call after the second attempt.)
        #expect(transport.requests.count == 3)
        #expect(transport.requests.map(\.timeout) == [.seconds(310), .seconds(310), .seconds(850 - 602)])
        #expect(error?.status == 503)
    }

    @Test("a per-request timeout overrides both, and a longer one extends the budget to fit it")
    func override() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/report", response: .json(200, "{}"))
        var request = RestRequest(path: "report")
        request.timeout = .seconds(900)
        _ = try await makeClient(transport).send(request)
        request.timeout = .milliseconds(1500)
        _ = try await makeClient(transport).send(request)
        _ = try await makeClient(transport).get("report", timeout: .seconds(5))
        #expect(transport.requests.map(\.timeout) == [.seconds(900), .milliseconds(1500), .seconds(5)])
    }
}
