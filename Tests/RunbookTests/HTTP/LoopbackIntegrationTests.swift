import Foundation
import HTTPTypes
import LoopbackHTTPServer
import Logging
import Runbook
import RunbookURLSession
import RunbookTesting
import RunbookTransport
import Synchronization
import Testing

/// The real transports against a real HTTP/1.1 server on 127.0.0.1.
@Suite("HTTP loopback integration")
struct HTTPLoopbackIntegrationTests {
    enum TransportKind: String, CaseIterable, CustomTestStringConvertible {
        case urlSession, socket, standard
        var testDescription: String { rawValue }

        func make() -> any HTTPTransport {
            switch self {
            case .urlSession: URLSessionTransport()
            case .socket: SocketHTTPTransport()
            case .standard: DefaultHTTPTransport()
            }
        }
    }

    func serve(_ configure: (LoopbackHTTPServer) -> Void) throws -> LoopbackHTTPServer {
        let server = LoopbackHTTPServer()
        configure(server)
        try server.start()
        return server
    }

    func client(_ server: LoopbackHTTPServer, _ kind: TransportKind, behavior: HTTPBehaviorSettings = HTTPBehaviorSettings(),
                clock: any RunbookClock = ManualClock(), tokens: (any AccessTokenProvider)? = nil) -> RestClient {
        RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: kind.make(), behavior: behavior,
                   tokenProvider: tokens, clock: clock, logger: Logger(label: "test"), random: SequenceRandomSource([0.5]))
    }

    @Test("429 with Retry-After: waits what the server says, then succeeds", arguments: TransportKind.allCases)
    func tooManyRequests(kind: TransportKind) async throws {
        let calls = Counter()
        let server = try serve { server in
            server.route("GET", "/api/items") { _ in
                calls.next() <= 2 ? .json(429, "{}", headers: [("Retry-After", "4")]) : .json(200, #"{"value":[1]}"#)
            }
        }
        defer { server.stop() }
        let clock = ManualClock()
        let response = try await client(server, kind, clock: clock).get("items")
        #expect(response.text == #"{"value":[1]}"#)
        #expect(server.count("GET", "/api/items") == 3)
        #expect(clock.sleeps == [.seconds(4), .seconds(4)])
    }

    @Test("a flapping 503 costs one retry per failure", arguments: TransportKind.allCases)
    func flapping(kind: TransportKind) async throws {
        let calls = Counter()
        let server = try serve { server in
            server.route("GET", "/api/flap") { _ in calls.next() % 2 == 1 ? .json(503, "{}") : .json(200, "{}") }
        }
        defer { server.stop() }
        let clock = ManualClock()
        let client = client(server, kind, clock: clock)
        for _ in 0..<3 { _ = try await client.get("flap") }
        #expect(server.count("GET", "/api/flap") == 6)
        #expect(clock.sleeps == [.seconds(1), .seconds(1), .seconds(1)])
    }

    @Test("a response slower than the attempt's timeout is a timeout error", arguments: TransportKind.allCases)
    func slow(kind: TransportKind) async throws {
        let release = DispatchSemaphore(value: 0)
        let server = try serve { server in
            server.route("GET", "/api/slow") { _ in
                _ = release.wait(timeout: .now() + 60)  // answers only after the test (or after 60 s)
                return LoopbackResponse(status: 200)
            }
        }
        defer {
            release.signal()
            server.stop()
        }
        var request = RestRequest(path: "slow")
        request.deadline = .milliseconds(200)
        let counting = CountingTransport(kind.make())
        // The client's own clock never moves (ManualClock), so the attempt is always made, and
        // only the transport's 200 ms timeout can end it.
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: counting,
                                behavior: .retries(0), clock: ManualClock())
        let error = await httpError { _ = try await client.send(request) }
        // Only the client's own timer produces `.timeout` (the server would have answered 200).
        #expect(error?.kind == .timeout, "\(String(describing: error))")
        // Exactly one attempt left the client (under load libcurl may time out before it connects).
        #expect(counting.count == 1)
        #expect(server.count("GET", "/api/slow") <= 1)
    }

    @Test("202 → poll → 200 with a relative Location", arguments: TransportKind.allCases)
    func asyncOperation(kind: TransportKind) async throws {
        let polls = Counter()
        let server = try serve { server in
            server.route("POST", "/api/exports") { _ in .empty(202, headers: [("Location", "../status/1"), ("Retry-After", "1")]) }
            server.route("GET", "/status/1") { _ in polls.next() < 3 ? .empty(202) : .json(200, #"{"state":"done"}"#) }
        }
        defer { server.stop() }
        let clock = ManualClock()
        let response = try await client(server, kind, clock: clock).post("exports", json: ["all": true])
        #expect(response.text == #"{"state":"done"}"#)
        #expect(server.requestLog == ["POST /api/exports", "GET /status/1", "GET /status/1", "GET /status/1"])
        #expect(clock.sleeps == [.seconds(1), .seconds(5), .seconds(5)])
    }

    @Test("OData paging follows nextLink to the end", arguments: TransportKind.allCases)
    func paging(kind: TransportKind) async throws {
        let server = try serve { _ in }
        defer { server.stop() }
        server.route("GET", "/api/customers") { request in
            let page = Int(request.query["$skiptoken"] ?? "0")!
            let next = page < 2 ? #","@odata.nextLink":"customers?$skiptoken=\#(page + 1)""# : ""
            return .json(200, #"{"value":[{"id":\#(page * 2)},{"id":\#(page * 2 + 1)}]\#(next)}"#)
        }
        struct Customer: Decodable { var id: Int }
        let customers = try await client(server, kind).pages("customers", style: .serverLinks).collect(Customer.self)
        #expect(customers.map(\.id) == [0, 1, 2, 3, 4, 5])
        #expect(server.count("GET", "/api/customers") == 3)
    }

    @Test("token endpoint: one token, a 401 refreshes it once, then the call succeeds", arguments: TransportKind.allCases)
    func oauth(kind: TransportKind) async throws {
        let issued = Counter()
        let server = try serve { server in
            server.route("POST", "/oauth/token") { request in
                guard request.bodyText.contains("client_secret=pw%21") else { return .json(401, #"{"error":"invalid_client"}"#) }
                return .json(200, #"{"access_token":"tok-\#(issued.next())","expires_in":3600}"#)
            }
            server.route("GET", "/api/me") { request in
                request.header("Authorization") == "Bearer tok-2" ? .json(200, #"{"name":"me"}"#) : .json(401, "{}")
            }
        }
        defer { server.stop() }
        let clock = ManualClock()
        let transport = kind.make()
        let tokens = ClientCredentialsTokenProvider(
            tokenURL: URL(string: "http://127.0.0.1:\(server.port)/oauth/token")!, clientID: "app",
            clientSecret: Secret(name: "client-secret", value: "pw!"), scope: "api", transport: transport, clock: clock)
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: transport,
                                tokenProvider: tokens, clock: clock, random: SequenceRandomSource([0.5]))
        #expect(try await client.get("me").text == #"{"name":"me"}"#)
        #expect(try await client.get("me").text == #"{"name":"me"}"#)
        #expect(server.requestLog == ["POST /oauth/token", "GET /api/me", "POST /oauth/token", "GET /api/me", "GET /api/me"])
    }

    @Test("a large JSON body is posted without stalling (100-continue answered)", arguments: TransportKind.allCases)
    func largeBody(kind: TransportKind) async throws {
        let server = try serve { server in
            server.route("POST", "/api/bulk") { request in .json(200, #"{"received":\#(request.body.count)}"#) }
        }
        defer { server.stop() }
        let rows = (0..<5_000).map { "row-\($0)" }
        let response = try await client(server, kind, clock: SystemClock()).post("bulk", json: rows, idempotencyKey: "bulk-1")
        let expected = try JSONEncoder().encode(rows).count
        #expect(response.text == #"{"received":\#(expected)}"#)
    }

    @Test("a same-origin 302 is followed; with redirects.follow false it comes back as it is", arguments: TransportKind.allCases)
    func redirect(kind: TransportKind) async throws {
        let server = try serve { server in
            server.route("GET", "/api/old") { _ in .empty(302, headers: [("Location", "/api/new")]) }
            server.route("GET", "/api/new") { _ in .json(200, "{}") }
        }
        defer { server.stop() }
        let followed = try await client(server, kind).get("old")
        #expect(followed.status.code == 200)
        #expect(followed.url.path == "/api/new")
        #expect(server.requestLog == ["GET /api/old", "GET /api/new"])
        var notFollowing = client(server, kind)
        notFollowing.redirects.follow = false
        let response = try await notFollowing.get("old")
        #expect(response.status.code == 302)
        #expect(response.headerFields[.location] == "/api/new")
        #expect(server.requestLog == ["GET /api/old", "GET /api/new", "GET /api/old"])
    }

    @Test("connection refused is a transport error after the retries", arguments: TransportKind.allCases)
    func refused(kind: TransportKind) async throws {
        let closed = try ClosedPort()
        defer { closed.release() }
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(closed.port)/"), transport: kind.make(),
                                behavior: .retries(1), clock: ManualClock(), random: SequenceRandomSource([0.5]))
        let error = await httpError { _ = try await client.get("x") }
        #expect(error?.kind == .transport)
        #expect(error?.attempts == 2)
    }
}

/// Counts the exchanges a client asks of the wrapped transport.
final class CountingTransport: HTTPTransport {
    private let base: any HTTPTransport
    private let counter = Counter()
    private let last = Mutex(0)

    init(_ base: any HTTPTransport) {
        self.base = base
    }

    var count: Int { last.withLock { $0 } }

    func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        let n = counter.next()
        last.withLock { $0 = n }
        return try await base.send(request, body: body, timeout: timeout)
    }
}

/// A loopback port that refuses connections: bound (so no other test's server can take it) but never
/// listening.
struct ClosedPort {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        (descriptor, port) = try ListeningSocket.open(backlog: nil)
    }

    func release() {
        close(descriptor)
    }
}
