import Foundation
import HTTPTypes
import LoopbackHTTPServer
import Logging
@testable import Runbook
import RunbookTesting
import Testing

/// gzip and deflate bodies in the three forms servers send, built with the project's zlib.
enum Compressed {
    static func gzip(_ bytes: [UInt8]) throws -> Data {
        var out = Data()
        try GzipCodec.compress(bytes, level: 6) { out.append(contentsOf: $0) }
        return out
    }

    /// Raw deflate (RFC 1951): the gzip stream without its 10-byte header and 8-byte trailer.
    static func rawDeflate(_ bytes: [UInt8]) throws -> Data {
        let gzip = try gzip(bytes)
        return gzip.subdata(in: (gzip.startIndex + 10)..<(gzip.endIndex - 8))
    }

    /// zlib (RFC 1950): header 78 9C, raw deflate, Adler-32 big-endian.
    static func zlib(_ bytes: [UInt8]) throws -> Data {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = b << 16 | a
        return Data([0x78, 0x9C]) + (try rawDeflate(bytes)) + Data([24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> $0) })
    }
}

@Suite("HTTP compression")
struct CompressionTests {
    let json = #"{"value":[{"id":1,"name":"Acme"},{"id":2,"name":"Øst"}]}"#

    @Test("Accept-Encoding: gzip, deflate is sent unless the caller set one or compression is off")
    func acceptEncoding() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/customers", response: .json(200, "{}"))
        _ = try await makeClient(transport).get("customers")
        _ = try await makeClient(transport).get("customers", headerFields: [.acceptEncoding: "identity"])
        var off = HTTPBehaviorSettings()
        off.http.compression = false
        _ = try await makeClient(transport, behavior: off).get("customers")
        #expect(transport.requests.map { $0.header("Accept-Encoding") } == ["gzip, deflate", "identity", nil])
    }

    @Test("gzip, zlib deflate, raw deflate and identity bodies are decoded; Content-Encoding and Content-Length go",
          arguments: ["gzip", "deflate-zlib", "deflate-raw", "identity", "x-gzip"])
    func decodes(form: String) async throws {
        let bytes = Array(json.utf8)
        let (coding, body): (String, Data) = switch form {
        case "gzip": ("gzip", try Compressed.gzip(bytes))
        case "x-gzip": ("x-gzip", try Compressed.gzip(bytes))
        case "deflate-zlib": ("deflate", try Compressed.zlib(bytes))
        case "deflate-raw": ("deflate", try Compressed.rawDeflate(bytes))
        default: ("identity", Data(bytes))
        }
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/customers", response: HTTPTransportResponse(
            status: 200, headerFields: [.contentEncoding: coding, .contentType: "application/json",
                                        .contentLength: String(body.count)], body: body))
        let response = try await makeClient(transport).get("customers")
        #expect(response.text == json)
        if form != "identity" {
            #expect(response.headerFields[.contentEncoding] == nil)
            #expect(response.headerFields[.contentLength] == nil)
        }
    }

    @Test("a gzip error body is decoded for the service's message")
    func errorBody() async throws {
        let transport = FakeHTTPTransport()
        let body = try Compressed.gzip(Array(#"{"error":{"message":"Customer 42 does not exist"}}"#.utf8))
        transport.route(.get, "/v2/customers(42)", response: HTTPTransportResponse(
            status: 404, headerFields: [.contentEncoding: "gzip", .contentType: "application/json"], body: body))
        let error = await httpError { _ = try await makeClient(transport).get("customers(42)") }
        #expect(error?.serviceMessage == "Customer 42 does not exist")
    }

    @Test("a decompression bomb (10 MB of zeros, about 10 KB gzipped) stops at the 1 MB limit with a typed error")
    func bomb() async throws {
        let body = try Compressed.gzip([UInt8](repeating: 0, count: 10 * 1024 * 1024))
        #expect(body.count < 20 * 1024)
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/bomb", response: HTTPTransportResponse(status: 200, headerFields: [.contentEncoding: "gzip"], body: body))
        var behavior = HTTPBehaviorSettings()
        behavior.http.maxDecodedBytes = 1024 * 1024
        let clock = ManualClock()
        do {
            _ = try await makeClient(transport, behavior: behavior, clock: clock).get("bomb")
            Issue.record("the bomb was decoded")
        } catch let error as ResponseBodyError {
            #expect(error.kind == .decodedTooLarge)
            #expect(error.helpfulError.problem == "GET https://api.example.com/v2/bomb: the gzip-encoded response body decodes to more than 1048576 bytes; decoding stopped there")
            #expect(error.helpfulError.location?.keyPath == "script-behavior.http.max-decoded-bytes")
        }
        #expect(transport.requests.count == 1)   // not retried
        #expect(clock.sleeps.isEmpty)
    }

    @Test("the decoded limit is exact: a body of the limit's size decodes, one byte more does not")
    func exactLimit() throws {
        let size = 200_000
        let body = try Compressed.gzip([UInt8](repeating: 7, count: size))
        #expect(try ResponseBodyDecoder.decode(body, contentEncoding: "gzip", limit: size)?.count == size)
        #expect(throws: ResponseBodyError(kind: .decodedTooLarge, detail: "gzip", limit: size - 1)) {
            _ = try ResponseBodyDecoder.decode(body, contentEncoding: "gzip", limit: size - 1)
        }
        #expect(try ResponseBodyDecoder.decode(body, contentEncoding: " identity ", limit: 1) == nil)
    }

    @Test("max-response-bytes refuses a larger body as received")
    func tooLarge() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/big", response: .json(200, String(repeating: "x", count: 2048)))
        var behavior = HTTPBehaviorSettings()
        behavior.http.maxResponseBytes = 1024
        await #expect(throws: ResponseBodyError(kind: .tooLarge, detail: "2048 bytes arrived", limit: 1024,
                                                request: "GET https://api.example.com/v2/big")) {
            _ = try await makeClient(transport, behavior: behavior).get("big")
        }
    }

    @Test("the socket transport stops reading at max-response-bytes: Content-Length, chunked and close-delimited bodies",
          arguments: ["length", "chunked", "close"])
    func socketStopsReading(framing: String) async throws {
        let server = LoopbackHTTPServer()
        let big = Data(repeating: UInt8(ascii: "x"), count: 64 * 1024)
        server.route("GET", "/api/big") { _ in
            LoopbackResponse(status: 200, headers: [("Content-Type", "text/plain")], body: big,
                             chunked: framing == "chunked", closesConnection: framing == "close")
        }
        try server.start()
        defer { server.stop() }
        var behavior = HTTPBehaviorSettings()
        behavior.http.maxResponseBytes = 1000
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: SocketHTTPTransport(),
                                behavior: behavior, clock: ManualClock(), logger: Logger(label: "test"))
        do {
            _ = try await client.get("big")
            Issue.record("the body was read")
        } catch let error as ResponseBodyError {
            #expect(error.kind == .tooLarge)
            #expect(error.request == "GET http://127.0.0.1:\(server.port)/api/big")
            if framing == "length" { #expect(error.detail == "Content-Length 65536") }
        }
        #expect(server.requestLog == ["GET /api/big"])   // not retried
    }

    @Test("an unknown or corrupt Content-Encoding is a clear error", arguments: ["br", "gzip"])
    func unknownOrCorrupt(coding: String) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/x", response: HTTPTransportResponse(
            status: 200, headerFields: [.contentEncoding: coding], body: Data("not compressed".utf8)))
        do {
            _ = try await makeClient(transport).get("x")
            Issue.record("no error")
        } catch let error as ResponseBodyError {
            #expect(error.kind == (coding == "br" ? .unknownEncoding : .corrupt))
            #expect(error.helpfulError.problem.contains(coding == "br" ? "Content-Encoding 'br'" : "cannot be decoded"))
        }
    }

    @Test("a gzip response from a real server is decoded, through each transport",
          arguments: HTTPLoopbackIntegrationTests.TransportKind.allCases)
    func loopback(kind: HTTPLoopbackIntegrationTests.TransportKind) async throws {
        let server = LoopbackHTTPServer()
        let body = try Compressed.gzip(Array(json.utf8))
        server.route("GET", "/api/customers") { request in
            request.header("Accept-Encoding") == "gzip, deflate"
                ? LoopbackResponse(status: 200, headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: body, chunked: true)
                : .json(406, "{}")
        }
        try server.start()
        defer { server.stop() }
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: kind.make(),
                                clock: ManualClock(), logger: Logger(label: "test"))
        #expect(try await client.get("customers").text == json)
    }
}
