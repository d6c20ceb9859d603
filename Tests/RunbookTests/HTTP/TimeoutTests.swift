import Foundation
import HTTPTypes
import Logging
@testable import Runbook
import RunbookTesting
import RunbookTransport
import Synchronization
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

    @Test("a download's announced Content-Length extends the socket transport's deadline by seconds-per-mib",
          arguments: [(120, true), (5000, false)])
    func downloadAllowance(skipSeconds: Int64, succeeds: Bool) async throws {
        let clock = MovableDeadlineClock()
        let (first, rest) = (40 * 1024 * 1024, 1024 * 1024)
        let server = try ConformanceServer { connection in
            guard connection.readRequest() != nil else { return }
            // 41 MiB announced at 100 s per MiB: 60 s + 4100 s for the attempt. 40 MiB first: more
            // than the kernel buffers hold (tcp_rmem max 32 MiB + tcp_wmem max 4 MiB), so when the
            // write returns the client has parsed the head and is reading the body. Then the
            // transport's clock moves past 60 s (to 120 s: within the allowance; to 5000 s: past it).
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: \(first + rest)\r\n\r\n" + String(repeating: "x", count: first))
            clock.skip(.seconds(skipSeconds))
            connection.write(String(repeating: "y", count: rest))
        }
        defer { server.stop() }
        let transport = SocketHTTPTransport(maximumIdlePerHost: 4, maximumConcurrentExchanges: 4, trustedCAFile: nil,
                                            now: { clock.now() })
        let behavior = HTTPBehaviorSettings(apiTimeouts: APITimeoutSettings(restTimeoutSeconds: 60, secondsPerMiB: 100),
                                            retryStrategy: RetrySettings(maxRetries: 0))
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/"), transport: transport,
                                behavior: behavior, clock: ManualClock(), logger: Logger(label: "test"))
        let received = Mutex(0)
        let error = await httpError {
            let body = try await client.get("download").body
            received.withLock { $0 = body.count }
        }
        #expect((error == nil) == succeeds, "\(String(describing: error))")
        if succeeds { #expect(received.withLock { $0 } == first + rest) }
        if !succeeds { #expect(error?.kind == .timeout) }
    }

    @Test("the deadline moves on by the allowance per MiB, and not at all without one")
    func deadlineExtension() {
        let start = ContinuousClock.now
        var deadline = AttemptDeadline(after: .seconds(60), now: { start })
        #expect(deadline.extended(forBodyBytes: 3 * 1024 * 1024).end == deadline.end)
        deadline.downloadAllowancePerMiB = .seconds(5)
        #expect(deadline.extended(forBodyBytes: 3 * 1024 * 1024).end == start + .seconds(75))
        #expect(deadline.extended(forBodyBytes: 512 * 1024).end == start + .milliseconds(62_500))
    }
}
