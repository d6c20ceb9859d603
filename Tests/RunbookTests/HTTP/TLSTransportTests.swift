import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Synchronization
import Testing

/// HTTPS through the socket transport against an in-process OpenSSL server on 127.0.0.1, with a
/// CA made at test time (see ``TestCertificates``).
@Suite("HTTPS socket transport", .enabled(if: TestCertificates.shared != nil, TestCertificates.skipReason))
struct TLSTransportTests {
    let certificates = TestCertificates.shared!

    func request(_ port: UInt16, _ path: String, _ method: HTTPRequest.Method = .get) -> HTTPRequest {
        HTTPRequest(method: method, url: URL(string: "https://127.0.0.1:\(port)\(path)")!)
    }

    func echoServer(_ identity: LoopbackCertificates.Identity? = nil) throws -> TLSLoopbackServer {
        try TLSLoopbackServer(identity ?? certificates.loopback) { request in
            (200, #"{"request":"\#(request.method) \#(request.path)","body":"\#(request.body)","tls":"\#(request.tlsVersion)"}"#)
        }
    }

    enum TransportKind: String, CaseIterable, CustomTestStringConvertible {
        case socket, standard
        var testDescription: String { rawValue }

        func make(trusting caFile: String) -> any HTTPTransport {
            switch self {
            case .socket: SocketHTTPTransport(trustedCAFile: caFile)
            case .standard: DefaultHTTPTransport(trustedCAFile: caFile)
            }
        }
    }

    @Test("with the test CA trusted: requests succeed over TLS 1.3 on one kept-alive connection", arguments: TransportKind.allCases)
    func trusted(kind: TransportKind) async throws {
        let server = try echoServer()
        defer { server.stop() }
        let transport = kind.make(trusting: certificates.caFile)
        for index in 0..<3 {
            let response = try await transport.send(request(server.port, "/items/\(index)", .post), body: Data("n\(index)".utf8),
                                                    timeout: .seconds(60))
            #expect(response.status.code == 200)
            #expect(String(decoding: response.body, as: UTF8.self)
                == #"{"request":"POST /items/\#(index)","body":"n\#(index)","tls":"TLSv1.3"}"#)
        }
        #expect(server.accepted == 1)
        #expect(server.handshakes == 1)
    }

    @Test("a pooled TLS connection the server dropped is replaced transparently")
    func staleConnection() async throws {
        let server = try echoServer()
        defer { server.stop() }
        let transport = SocketHTTPTransport(trustedCAFile: certificates.caFile)
        _ = try await transport.send(request(server.port, "/first"), body: nil, timeout: .seconds(60))
        server.dropConnections()
        let response = try await transport.send(request(server.port, "/second"), body: nil, timeout: .seconds(60))
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"request":"GET /second","body":"","tls":"TLSv1.3"}"#)
        #expect(server.handshakes == 2)
    }

    @Test("without the test CA: the handshake fails with a verification error, and no request is sent")
    func untrusted() async throws {
        let server = try echoServer()
        defer { server.stop() }
        await #expect(throws: HTTPTransportError(.tlsFailed, "certificate verify failed for 127.0.0.1: unable to get local issuer certificate")) {
            _ = try await SocketHTTPTransport().send(request(server.port, "/x"), body: nil, timeout: .seconds(60))
        }
        #expect(server.handshakes == 0)
    }

    @Test("a certificate issued for another host is refused, even from a trusted CA")
    func hostnameMismatch() async throws {
        let server = try echoServer(certificates.otherHost)
        defer { server.stop() }
        await #expect(throws: HTTPTransportError(.tlsFailed, "certificate verify failed for 127.0.0.1: IP address mismatch")) {
            _ = try await SocketHTTPTransport(trustedCAFile: certificates.caFile).send(
                request(server.port, "/x"), body: nil, timeout: .seconds(60))
        }
        #expect(server.handshakes == 0)
    }

    @Test("a trusted CA file that cannot be read is a clear error")
    func missingCAFile() async throws {
        let transport = SocketHTTPTransport(trustedCAFile: "/nonexistent/ca.pem")
        await #expect(throws: HTTPTransportError(.tlsFailed, "cannot load the trusted CA file /nonexistent/ca.pem: No such file or directory")) {
            _ = try await transport.send(request(1, "/x"), body: nil, timeout: .seconds(1))
        }
    }

    @Test("a server that never answers the handshake is a timeout")
    func handshakeTimeout() async throws {
        let server = try echoServer()
        defer { server.stop() }
        let (listener, port) = try LoopbackListeningSocket.open()
        defer { close(listener) }
        let transport = SocketHTTPTransport(trustedCAFile: certificates.caFile)
        // The first request reads the CA store (tens of milliseconds); the timed one should not.
        _ = try await transport.send(request(server.port, "/warm-up"), body: nil, timeout: .seconds(60))
        await #expect(throws: HTTPTransportError(.timedOut, "no TLS handshake with 127.0.0.1 within the timeout")) {
            _ = try await transport.send(request(port, "/x"), body: nil, timeout: .milliseconds(250))
        }
    }

    @Test("cancellation ends a slow https exchange at once")
    func cancellation() async throws {
        let release = DispatchSemaphore(value: 0)
        let (arrived, arrival) = AsyncStream<Void>.makeStream()
        let server = try TLSLoopbackServer(certificates.loopback) { _ in
            arrival.yield()
            _ = release.wait(timeout: .now() + 60)  // answers only when the test lets it
            return (200, "{}")
        }
        defer {
            release.signal()
            server.stop()
        }
        let transport = SocketHTTPTransport(trustedCAFile: certificates.caFile)
        let task = Task { try await transport.send(request(server.port, "/slow"), body: nil, timeout: .seconds(30)) }
        for await _ in arrived { break }  // the request reached the server
        task.cancel()
        // Without cancellation the exchange would end in a 200 once the server answers, not an error.
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test("through RestClient: a rejected certificate is a transport error naming the reason, never retried")
    func restClientError() async throws {
        let server = try echoServer()
        defer { server.stop() }
        let clock = ManualClock()
        let client = RestClient(baseURL: URL(string: "https://127.0.0.1:\(server.port)/api/"), transport: SocketHTTPTransport(),
                                behavior: .retries(3), clock: clock)
        let error = await httpError { _ = try await client.get("x") }
        #expect(error?.kind == .transport)
        #expect(error?.detail == "certificate verify failed for 127.0.0.1: unable to get local issuer certificate")
        #expect(error?.attempts == 1)
        #expect(clock.sleeps.isEmpty)
    }
}
