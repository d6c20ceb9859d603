import Foundation
import HTTPTypes
import LoopbackHTTPServer
import Runbook
import RunbookAsyncHTTPClient
import RunbookTesting
import Testing

/// What is particular to the AsyncHTTPClient transport: its client's shutdown, the response size
/// limit, and RestClient on top of it.
@Suite("AsyncHTTPClient transport")
struct AsyncHTTPClientTransportTests {
    @Test("after shutdown() a request fails with a transport error, and a second shutdown() is harmless")
    func shutdown() async throws {
        let transport = AsyncHTTPClientTransport()
        try await transport.shutdown()
        try await transport.shutdown()
        await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.send(HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:9/")!), body: nil, timeout: .seconds(5))
        }
    }

    @Test("a body larger than maximumResponseBytes is an invalidResponse naming the limit")
    func sizeLimit() async throws {
        let server = try serving(String(repeating: "x", count: 2_000))
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport(maximumResponseBytes: 1_000)
        defer { Task { try await transport.shutdown() } }
        await #expect(throws: HTTPTransportError(.invalidResponse, "the response body is larger than 1000 bytes")) {
            _ = try await transport.send(HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("item")), body: nil, timeout: .seconds(60))
        }
    }

    @Test("RestClient over the AsyncHTTPClient transport: a JSON GET decodes")
    func restClient() async throws {
        let server = try serving(#"{"id":42,"name":"Acme"}"#)
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport()
        let client = RestClient(baseURL: server.baseURL, transport: transport, clock: ManualClock())
        struct Customer: Decodable { var id: Int; var name: String }
        let customer = try await client.get(Customer.self, "item")
        #expect(customer.id == 42 && customer.name == "Acme")
        try await transport.shutdown()
    }

    /// A loopback server answering `GET /item` with `body`.
    func serving(_ body: String) throws -> LoopbackHTTPServer {
        let server = LoopbackHTTPServer()
        server.route("GET", "/item") { _ in .json(200, body) }
        try server.start()
        return server
    }
}
