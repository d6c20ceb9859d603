import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP RestClient async operations")
struct HTTPRestClientAsyncTests {
    @Test("202 with a relative Location is polled with Retry-After, then the poll interval, until 200")
    func pollsUntilDone() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/exports", response: .json(202, "{}", headers: ["Location": "status/7", "Retry-After": "2"]))
        transport.route(.get, "/v2/status/7", responses: [.json(202, "{}"), .json(202, "{}"), .json(200, #"{"done":true}"#)])
        let clock = ManualClock()
        let response = try await makeClient(transport, clock: clock).post("exports", json: ["all": true])
        #expect(response.status.code == 200)
        #expect(response.text == #"{"done":true}"#)
        #expect(response.url.absoluteString == "https://api.example.com/v2/status/7")
        #expect(transport.requests.map { "\($0.method.rawValue) \($0.path)" }
            == ["POST /v2/exports", "GET /v2/status/7", "GET /v2/status/7", "GET /v2/status/7"])
        #expect(clock.sleeps == [.seconds(2), .seconds(5), .seconds(5)])
    }

    @Test("201 and 204 complete the operation", arguments: [201, 204])
    func otherCompletions(status: Int) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/jobs", response: .status(202, headers: ["Location": "https://ops.example.com/jobs/1"]))
        transport.route(.get, "/jobs/1", response: .status(status))
        let response = try await makeClient(transport).post("jobs", json: [String: String]())
        #expect(response.status.code == status)
        #expect(transport.requests.count == 2)
    }

    @Test("303 completes it: the result is fetched from the See Other location")
    func seeOther() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/reports", response: .status(202, headers: ["Location": "/ops/1"]))
        transport.route(.get, "/ops/1", response: .status(303, headers: ["Location": "/results/1"]))
        transport.route(.get, "/results/1", response: .json(200, #"{"rows":3}"#))
        let response = try await makeClient(transport).post("reports", json: [String: String]())
        #expect(response.text == #"{"rows":3}"#)
        #expect(response.url.absoluteString == "https://api.example.com/results/1")
        #expect(transport.requests.count == 3)
    }

    @Test("an operation that outlasts async-max-wait is a typed error")
    func timesOut() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/slow", response: .status(202, headers: ["Location": "/ops/9"]))
        transport.route(.get, "/ops/9", response: .status(202))
        let clock = ManualClock()
        let behavior = HTTPBehaviorSettings(apiTimeouts: APITimeoutSettings(asyncMaxWait: 12, asyncPollInterval: 5))
        let error = await httpError { try await makeClient(transport, behavior: behavior, clock: clock).post("slow", json: [1]) }
        #expect(error?.kind == .asyncTimeout)
        #expect(clock.sleeps == [.seconds(5), .seconds(5)])
        #expect(transport.requests.count == 3)
        #expect(error?.helpfulError.problem
            == "POST https://api.example.com/v2/slow did not finish: still running after 2 polls of https://api.example.com/ops/9; api-timeouts.async-max-wait is 12 s")
    }

    @Test("a 202 without Location is returned as it is")
    func noLocation() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/fire", response: .status(202))
        let response = try await makeClient(transport).post("fire", json: [1])
        #expect(response.status.code == 202)
        #expect(transport.requests.count == 1)
    }
}
