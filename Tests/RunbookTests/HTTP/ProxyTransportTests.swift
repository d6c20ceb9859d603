import Foundation
import HTTPTypes
import LoopbackHTTPServer
import Logging
@testable import Runbook
import RunbookTesting
import Synchronization
import Testing

/// The socket transport through a proxy, checked exactly with ``ProxyRecordingServer``: the
/// absolute-form request for `http://`, the `CONNECT` tunnel and TLS with the origin for
/// `https://`, proxy credentials only where they belong, a 407, an unreachable proxy.
@Suite("Socket transport through a proxy")
struct ProxyTransportTests {
    static let password = Secret(name: "proxy-password", value: "pr0xy-s3cret")

    /// What the origin saw of `Proxy-Authorization` ("none" when absent), per request.
    final class OriginLog: Sendable {
        let values = Mutex<[String]>([])
    }

    static func origin() throws -> (LoopbackHTTPServer, OriginLog) {
        let server = LoopbackHTTPServer()
        let proxyHeaders = OriginLog()
        server.route("GET", "/hello") { request in
            proxyHeaders.values.withLock { $0.append(request.header("Proxy-Authorization") ?? "none") }
            return .json(200, #"{"hello":"world"}"#)
        }
        try server.start()
        return (server, proxyHeaders)
    }

    static func proxy(_ port: UInt16, user: String? = "alice") -> HTTPProxy {
        HTTPProxy(host: "127.0.0.1", port: Int(port), user: user, password: user == nil ? nil : password)
    }

    static let expectedAuthorization = "Basic " + Data("alice:pr0xy-s3cret".utf8).base64EncodedString()

    @Test("http:// goes to the proxy in absolute form, with Host and Proxy-Authorization; a pooled connection per (proxy, origin)")
    func absoluteForm() async throws {
        let (origin, originSaw) = try Self.origin()
        defer { origin.stop() }
        let recorder = try ProxyRecordingServer()
        defer { recorder.stop() }
        let transport = SocketHTTPTransport(settings: HTTPTransportSettings(proxy: ProxyRules(httpProxy: Self.proxy(recorder.port))))
        let url = URL(string: "http://127.0.0.1:\(origin.port)/hello?x=1")!
        let response = try await transport.send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(10))
        #expect(response.status.code == 200)
        let seen = try #require(recorder.seen.first)
        #expect(seen.requestLine == "GET http://127.0.0.1:\(origin.port)/hello?x=1 HTTP/1.1")
        #expect(seen.header("Host") == "127.0.0.1:\(origin.port)")
        #expect(seen.header("Proxy-Authorization") == Self.expectedAuthorization)
        #expect(originSaw.values.withLock { $0 } == ["none"])
        #expect(ConnectionRoute(authority: "127.0.0.1:\(origin.port)", isTLS: false, rules: transport.settings.proxy).key
            == "127.0.0.1:\(origin.port) via http://alice@127.0.0.1:\(recorder.port)")
    }

    @Test("https:// opens a CONNECT tunnel (credentials on CONNECT only), then TLS with the origin, kept alive")
    func connectTunnel() async throws {
        let certificates = try #require(TestCertificates.shared, TestCertificates.skipReason)
        let heads = Mutex<[String]>([])
        let origin = try TLSLoopbackServer(certificates.loopback) { request in
            heads.withLock { $0.append(request.head) }
            return (200, #"{"tls":"\#(request.tlsVersion)"}"#)
        }
        defer { origin.stop() }
        let recorder = try ProxyRecordingServer()
        defer { recorder.stop() }
        let transport = SocketHTTPTransport(settings: HTTPTransportSettings(
            proxy: ProxyRules(httpsProxy: Self.proxy(recorder.port)), tls: TLSSettings(trustedCAFile: certificates.caFile)))
        let url = URL(string: "https://127.0.0.1:\(origin.port)/secure")!
        for _ in 0..<2 {
            let response = try await transport.send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(10))
            #expect(response.status.code == 200)
        }
        #expect(recorder.seen.count == 1)
        let seen = try #require(recorder.seen.first)
        #expect(seen.requestLine == "CONNECT 127.0.0.1:\(origin.port) HTTP/1.1")
        #expect(seen.header("Host") == "127.0.0.1:\(origin.port)")
        #expect(seen.header("Proxy-Authorization") == Self.expectedAuthorization)
        #expect(origin.handshakes == 1)
        let originHeads = heads.withLock { $0 }
        #expect(originHeads.count == 2)
        #expect(originHeads.allSatisfy { $0.hasPrefix("GET /secure HTTP/1.1\r\n") && !$0.lowercased().contains("proxy-authorization") })
    }

    @Test("through the tunnel the certificate is checked against the origin's name")
    func tunnelVerifiesOrigin() async throws {
        let certificates = try #require(TestCertificates.shared, TestCertificates.skipReason)
        let origin = try TLSLoopbackServer(certificates.otherHost) { _ in (200, "{}") }
        defer { origin.stop() }
        let recorder = try ProxyRecordingServer()
        defer { recorder.stop() }
        let transport = SocketHTTPTransport(settings: HTTPTransportSettings(
            proxy: ProxyRules(httpsProxy: Self.proxy(recorder.port, user: nil)), tls: TLSSettings(trustedCAFile: certificates.caFile)))
        let url = URL(string: "https://127.0.0.1:\(origin.port)/")!
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(10))
        }
        #expect(error?.kind == .tlsFailed)
        #expect(error?.message.contains("127.0.0.1") == true)
        #expect(recorder.seen.count == 1)
    }

    @Test("a 407 from the proxy is one HelpfulError that says so (no retry), for http:// and https://", arguments: ["http", "https"])
    func proxyAuthenticationRequired(scheme: String) async throws {
        let recorder = try ProxyRecordingServer(requiredAuthorization: "Basic c29tZW9uZTplbHNl")
        defer { recorder.stop() }
        let rules = ProxyRules(httpProxy: Self.proxy(recorder.port), httpsProxy: Self.proxy(recorder.port))
        let transport = SocketHTTPTransport(settings: HTTPTransportSettings(proxy: rules))
        let client = makeClient(transport, behavior: .retries(0), base: "\(scheme)://127.0.0.1:9/")
        let error = try #require(await httpError { _ = try await client.get("customers") })
        #expect(error.status == 407)
        #expect(recorder.seen.count == 1)
        #expect(!RetryPolicy.retryableStatuses.contains(407))
        let helpful = error.helpfulError
        #expect(helpful.problem.contains("HTTP 407"))
        #expect(helpful.solution.contains("The proxy asks for credentials"))
        #expect(!"\(helpful.problem) \(helpful.solution) \(helpful.example ?? "")".contains("pr0xy-s3cret"))
    }

    @Test("an unreachable proxy: a transport error naming the proxy (without its password), not the origin")
    func unreachableProxy() async throws {
        let closed = try LoopbackListeningSocket.open()
        _ = close(closed.descriptor)
        let transport = SocketHTTPTransport(settings: HTTPTransportSettings(
            proxy: ProxyRules(httpProxy: Self.proxy(closed.port), httpsProxy: Self.proxy(closed.port))))
        for url in ["http://origin.example:8080/x", "https://origin.example/x"] {
            let error = await #expect(throws: HTTPTransportError.self) {
                _ = try await transport.send(HTTPRequest(method: .get, url: URL(string: url)!), body: nil, timeout: .seconds(10))
            }
            #expect(error?.kind == .connectionFailed)
            #expect(error?.message.hasPrefix("cannot reach the proxy http://alice@127.0.0.1:\(closed.port): ") == true)
            #expect(error?.message.contains("origin.example") == false)
            #expect(error?.message.contains("pr0xy-s3cret") == false)
        }
    }

    @Test("from the environment: HTTP_PROXY is used, NO_PROXY=127.0.0.1 goes direct")
    func environmentBypass() async throws {
        let (origin, _) = try Self.origin()
        defer { origin.stop() }
        let recorder = try ProxyRecordingServer()
        defer { recorder.stop() }
        let url = URL(string: "http://127.0.0.1:\(origin.port)/hello")!
        for (noProxy, throughProxy) in [("", 1), ("127.0.0.1", 0)] {
            let rules = try ProxyRules.fromEnvironment(["HTTP_PROXY": recorder.url, "NO_PROXY": noProxy])
            let before = recorder.seen.count
            let response = try await SocketHTTPTransport(settings: HTTPTransportSettings(proxy: rules))
                .send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(10))
            #expect(response.status.code == 200)
            #expect(recorder.seen.count - before == throughProxy)
        }
    }

    @Test("HTTPServices: each API's transport follows its proxy section; proxy.enabled false goes direct")
    func perAPITransports() async throws {
        let (origin, _) = try Self.origin()
        defer { origin.stop() }
        let recorder = try ProxyRecordingServer()
        defer { recorder.stop() }
        let base = origin.baseURL.absoluteString
        let container = ServiceContainer()
        HTTPServices.register(
            in: container, behavior: .retries(0), global: APISettings(apiBaseURL: base),
            apis: ["direct": APISettings(apiBaseURL: base, proxy: APIProxySettings(enabled: false)),
                   "same": APISettings(apiBaseURL: base)],
            logger: Logger(label: "test"), clock: ManualClock(), secretRegistry: SecretRegistry(),
            environment: ["HTTP_PROXY": recorder.url])
        _ = try await container.resolve(RestClient.self).get("hello")
        #expect(recorder.seen.count == 1)
        _ = try await container.resolve(RestClient.self, name: "direct").get("hello")
        #expect(recorder.seen.count == 1)
        _ = try await container.resolve(RestClient.self, name: "same").get("hello")
        #expect(recorder.seen.count == 2)
        let shared = try container.resolve((any HTTPTransport).self, name: "apis.same") as? DefaultHTTPTransport
        let global = try container.resolve((any HTTPTransport).self) as? DefaultHTTPTransport
        let direct = try container.resolve((any HTTPTransport).self, name: "apis.direct") as? DefaultHTTPTransport
        #expect(shared != nil && shared === global)
        #expect(direct != nil && direct !== global)
        #expect(direct?.settings.proxy.isDirect == true)
    }

    @Test("logs and errors show the proxy as http://user@host:port: never its password nor the Basic credentials")
    func credentialsStayOutOfLogs() async throws {
        let (origin, _) = try Self.origin()
        defer { origin.stop() }
        let recorder = try ProxyRecordingServer(requiredAuthorization: "Basic c29tZW9uZTplbHNl")
        defer { recorder.stop() }
        let capture = CapturedLog()
        let container = ServiceContainer()
        HTTPServices.register(
            in: container, behavior: .retries(0), global: APISettings(apiBaseURL: origin.baseURL.absoluteString),
            logger: capture.logger, clock: ManualClock(), secretRegistry: SecretRegistry(),
            environment: ["http_proxy": "http://alice:pr0xy-s3cret@127.0.0.1:\(recorder.port)"])
        let error = try #require(await httpError { _ = try await container.resolve(RestClient.self).get("hello") })
        #expect(error.status == 407)
        #expect(recorder.seen.first?.header("Proxy-Authorization") == Self.expectedAuthorization)
        let lines = capture.lines.withLock { $0 }
        #expect(lines.contains("debug global: http:// requests go through the proxy http://alice@127.0.0.1:\(recorder.port)"))
        let shown = lines.joined(separator: "\n") + "\(error.helpfulError)"
        #expect(!shown.contains("pr0xy-s3cret"))
        #expect(!shown.contains(String(Self.expectedAuthorization.dropFirst("Basic ".count))))
    }
}
