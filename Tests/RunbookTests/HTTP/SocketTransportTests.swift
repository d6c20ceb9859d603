import Foundation
import HTTPTypes
import LoopbackHTTPServer
import Runbook
import Synchronization
import Testing

/// Wire-level behaviour of the socket transport against the loopback server.
@Suite("HTTP socket transport")
struct HTTPSocketTransportTests {
    func start(_ configure: (LoopbackHTTPServer) -> Void) throws -> LoopbackHTTPServer {
        let server = LoopbackHTTPServer()
        configure(server)
        try server.start()
        return server
    }

    func request(_ server: LoopbackHTTPServer, _ path: String, _ method: HTTPRequest.Method = .get) -> HTTPRequest {
        HTTPRequest(method: method, url: URL(string: "http://127.0.0.1:\(server.port)\(path)")!)
    }

    @Test("keeps one connection alive across requests; sends Host, headers and body")
    func keepAlive() async throws {
        let server = try start { server in
            server.route("POST", "/echo") { request in
                .json(200, #"{"host":"\#(request.header("Host") ?? "")","x":"\#(request.header("X-Test") ?? "")","body":\#(request.bodyText)}"#)
            }
        }
        defer { server.stop() }
        let transport = SocketHTTPTransport()
        var head = request(server, "/echo", .post)
        head.headerFields[HTTPField.Name("X-Test")!] = "yes"
        for _ in 0..<3 {
            let response = try await transport.send(head, body: Data("[1,2]".utf8), timeout: .seconds(60))
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"host":"127.0.0.1:\#(server.port)","x":"yes","body":[1,2]}"#)
        }
        #expect(server.count("POST", "/echo") == 3)
    }

    @Test("reads chunked bodies and honours Connection: close")
    func chunkedAndClose() async throws {
        let text = #"{"value":["a long enough body to need several chunks"]}"#
        let server = try start { server in
            server.route("GET", "/chunked") { _ in
                LoopbackResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data(text.utf8), chunked: true)
            }
            server.route("GET", "/close") { _ in LoopbackResponse(status: 200, body: Data("bye".utf8), closesConnection: true) }
        }
        defer { server.stop() }
        server.route("GET", "/long") { _ in .json(200, String(repeating: "x", count: 3000)) }
        let transport = SocketHTTPTransport()
        for _ in 0..<3 {
            let chunked = try await transport.send(request(server, "/chunked"), body: nil, timeout: .seconds(60))
            #expect(String(decoding: chunked.body, as: UTF8.self) == text)
            #expect(chunked.head.headerFields[.contentType] == "application/json")
            let long = try await transport.send(request(server, "/long"), body: nil, timeout: .seconds(60))
            #expect(long.body.count == 3000)
        }
        for _ in 0..<2 {
            let closed = try await transport.send(request(server, "/close"), body: nil, timeout: .seconds(60))
            #expect(String(decoding: closed.body, as: UTF8.self) == "bye")
        }
    }

    @Test("a pooled connection the server dropped is replaced transparently")
    func staleConnection() async throws {
        let server = try start { server in server.route("GET", "/x") { _ in .json(200, "{}") } }
        defer { server.stop() }
        let transport = SocketHTTPTransport()
        _ = try await transport.send(request(server, "/x"), body: nil, timeout: .seconds(60))
        server.dropConnections()
        let response = try await transport.send(request(server, "/x"), body: nil, timeout: .seconds(60))
        #expect(response.status.code == 200)
        #expect(server.count("GET", "/x") == 2)
    }

    @Test("other schemes are refused with a clear error; cancellation ends a slow exchange at once")
    func refusalAndCancellation() async throws {
        let transport = SocketHTTPTransport()
        await #expect(throws: HTTPTransportError(.unsupportedURL, "SocketHTTPTransport sends only http:// and https:// URLs")) {
            _ = try await transport.send(HTTPRequest(method: .get, url: URL(string: "ftp://example.com/")!), body: nil, timeout: .seconds(1))
        }
        let release = DispatchSemaphore(value: 0)
        let (arrived, arrival) = AsyncStream<Void>.makeStream()
        let server = try start { server in
            server.route("GET", "/slow") { _ in
                arrival.yield()
                _ = release.wait(timeout: .now() + 60)  // answers only when the test lets it
                return LoopbackResponse(status: 200)
            }
        }
        defer {
            release.signal()
            server.stop()
        }
        let task = Task { try await transport.send(request(server, "/slow"), body: nil, timeout: .seconds(60)) }
        for await _ in arrived { break }  // the request reached the server
        task.cancel()
        // Without cancellation the exchange would end in a 200 once the server answers, not an error.
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test("slow exchanges overlap: 16 concurrent slow requests are in flight together, not one after another")
    func concurrentSlowExchanges() async throws {
        let inFlight = Mutex((now: 0, most: 0))
        let allArrived = DispatchSemaphore(value: 0)
        let server = try start { server in
            server.route("GET", "/slow") { _ in
                let arrived = inFlight.withLock { state -> Bool in
                    state.now += 1
                    state.most = max(state.most, state.now)
                    return state.now == 16
                }
                // The server answers only once all 16 requests are in flight at once (or after 60 s):
                // a client that waited for each answer before sending the next would stall here.
                if arrived { for _ in 0..<16 { allArrived.signal() } }
                _ = allArrived.wait(timeout: .now() + 60)
                return LoopbackResponse(status: 200)
            }
        }
        defer { server.stop() }
        let transport = SocketHTTPTransport()
        let head = request(server, "/slow")
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { try await transport.send(head, body: nil, timeout: .seconds(120)).status.code } }
            for try await code in group { #expect(code == 200) }
        }
        #expect(server.count("GET", "/slow") == 16)
        #expect(inFlight.withLock { $0.most } == 16)
    }
}
