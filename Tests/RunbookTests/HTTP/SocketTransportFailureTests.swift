import Foundation
import HTTPTypes
import Logging
@testable import Runbook
import RunbookTesting
import Synchronization
import Testing

/// The socket transport against servers that hang up or drip: a request is never sent more often
/// than the client reports attempts, and the timeout bounds the whole exchange.
@Suite("HTTP socket transport failures")
struct HTTPSocketTransportFailureTests {
    enum HangUp: String, CaseIterable, CustomTestStringConvertible {
        case fin, rst
        var testDescription: String { rawValue }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var idempotencyKey: String?
        var maxRetries: Int
        /// Attempts the retry policy allows: every one of them reaches the server once.
        var attempts: Int
        var testDescription: String {
            "\(method.rawValue)\(idempotencyKey == nil ? "" : " with Idempotency-Key"), max-retries \(maxRetries)"
        }
    }

    static let cases: [Case] = [
        Case(method: .get, maxRetries: 0, attempts: 1),
        Case(method: .get, maxRetries: 2, attempts: 3),
        Case(method: .post, maxRetries: 3, attempts: 1),
        Case(method: .post, idempotencyKey: "order-7", maxRetries: 1, attempts: 2),
        Case(method: .patch, maxRetries: 2, attempts: 1),
    ]

    @Test("a server that reads the request on a kept-alive connection and hangs up: sends seen == attempts reported",
          arguments: cases, HangUp.allCases)
    func hangUpAfterRequest(testCase: Case, hangUp: HangUp) async throws {
        // Connection 1 answers the first request, then reads the second and hangs up without a byte
        // of response; every later connection does the same with the request it reads.
        let server = try ConformanceServer { connection in
            if connection.number == 1 {
                guard connection.readRequest() != nil else { return }
                connection.answer()
            }
            guard connection.readRequest() != nil else { return }
            if hangUp == .rst { connection.resetOnClose() }
        }
        defer { server.stop() }
        let client = RestClient(
            baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: SocketHTTPTransport(),
            behavior: .retries(testCase.maxRetries), clock: ManualClock(), logger: Logger(label: "test"),
            random: SequenceRandomSource([0.5]))
        _ = try await client.get("warm-up")  // leaves one kept-alive connection in the pool
        var request = RestRequest(method: testCase.method, path: "orders", body: Data("{}".utf8))
        request.idempotencyKey = testCase.idempotencyKey
        let error = await httpError { _ = try await client.send(request) }
        let sends = server.requests.filter { $0.hasPrefix("\(testCase.method.rawValue) /api/orders ") }.count
        #expect(error?.kind == .transport)
        #expect(error?.attempts == testCase.attempts)
        #expect(sends == testCase.attempts)
    }

    @Test("a pooled connection the server closed while idle is not written to; the request goes on a new one, once",
          arguments: HangUp.allCases)
    func closedWhileIdle(hangUp: HangUp) async throws {
        let server = try ConformanceServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.answer()
            if connection.number == 1 {
                if hangUp == .rst { connection.resetOnClose() }
                return  // closes the kept-alive connection while it sits in the client's pool
            }
            while connection.readRequest() != nil { connection.answer() }
        }
        defer { server.stop() }
        let transport = SocketHTTPTransport()
        let url = URL(string: "http://127.0.0.1:\(server.port)/x")!
        _ = try await transport.send(HTTPRequest(method: .post, url: url), body: Data("1".utf8), timeout: .seconds(60))
        // The server's thread closes its end when the script returns; wait until it has.
        for await number in server.closedConnections where number == 1 { break }
        let response = try await transport.send(HTTPRequest(method: .post, url: url), body: Data("2".utf8), timeout: .seconds(60))
        #expect(response.status.code == 200)
        #expect(server.requests == ["POST /x HTTP/1.1", "POST /x HTTP/1.1"])
    }

    enum DripPhase: String, CaseIterable, CustomTestStringConvertible {
        case head, body
        var testDescription: String { rawValue }
    }

    @Test("rest-timeout-seconds bounds the whole attempt: a server dripping its response cannot stretch it",
          arguments: DripPhase.allCases)
    func dripping(phase: DripPhase) async throws {
        let clock = MovableDeadlineClock()
        let closedBeforeDripEnded = Mutex<Bool?>(nil)
        let server = try ConformanceServer { connection in
            guard connection.readRequest() != nil else { return }
            let (start, drip) = switch phase {
            case .head: ("HTTP/1.1 200 OK\r\nContent-", "Length: 2\r\n\r\nok")
            case .body: ("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab", "cd")
            }
            connection.write(start)
            // The client waits for more with nearly all of its 60 s left. Its clock moves on to
            // 1 s before the deadline, then one more byte arrives: the wait for the next byte
            // must end at the deadline, not 60 s after that byte.
            clock.skip(.seconds(59))
            connection.write(String(drip.prefix(1)))
            let closed = connection.clientClosed(within: 20)
            closedBeforeDripEnded.withLock { $0 = closed }
            connection.write(String(drip.dropFirst()))
        }
        defer { server.stop() }
        let transport = SocketHTTPTransport(maximumIdlePerHost: 4, maximumConcurrentExchanges: 4, trustedCAFile: nil,
                                            now: { clock.now() })
        let behavior = HTTPBehaviorSettings(apiTimeouts: APITimeoutSettings(restTimeoutSeconds: 60),
                                            retryStrategy: RetrySettings(maxRetries: 0))
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/"), transport: transport,
                                behavior: behavior, clock: ManualClock(), logger: Logger(label: "test"))
        let error = await httpError { _ = try await client.get("slow") }
        #expect(error?.kind == .timeout, "\(String(describing: error))")
        for await number in server.closedConnections where number == 1 { break }  // the script has finished
        #expect(closedBeforeDripEnded.withLock { $0 } == true)
    }
}

/// The socket transport's time source for deadlines, moved on by a test instead of waiting.
final class MovableDeadlineClock: Sendable {
    private let offset = Mutex(Duration.zero)

    /// The continuous clock's now, plus every skip so far.
    func now() -> ContinuousClock.Instant {
        ContinuousClock.now + offset.withLock { $0 }
    }

    /// Moves the clock on by `duration`.
    func skip(_ duration: Duration) {
        offset.withLock { $0 += duration }
    }
}
