import Foundation
import HTTPTypes
import JSONSchema
import Logging
import Runbook
import RunbookTesting
import Synchronization
import Testing

@Suite("HTTP redirects")
struct RedirectTests {
    func client(_ transport: FakeHTTPTransport, _ redirects: RedirectSettings = RedirectSettings(),
                tokens: (any AccessTokenProvider)? = nil, logger: Logger = Logger(label: "test")) -> RestClient {
        RestClient(baseURL: URL(string: "https://api.example.com/v2/"), transport: transport, tokenProvider: tokens,
                   clock: ManualClock(), logger: logger, random: SequenceRandomSource([0.5]), redirects: redirects)
    }

    func redirectError(_ body: () async throws -> Void) async -> RedirectError? {
        do {
            try await body()
        } catch let error as RedirectError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    @Test("GET follows 301, 302, 303, 307 and 308 on the same origin, relative Location included",
          arguments: [301, 302, 303, 307, 308])
    func followsGET(status: Int) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/old", response: .status(status, headers: ["Location": "new?x=1"]))
        transport.route(.get, "/v2/new", response: .json(200, #"{"ok":true}"#))
        let response = try await client(transport).get("old")
        #expect(response.status.code == 200)
        #expect(response.url.absoluteString == "https://api.example.com/v2/new?x=1")
        #expect(transport.requests.map { "\($0.method.rawValue) \($0.path)" } == ["GET /v2/old", "GET /v2/new"])
    }

    @Test("another origin is refused by default: a HelpfulError, the redirect attached, nothing sent there",
          arguments: ["https://other.example.com/v2/new", "http://api.example.com/v2/new", "https://api.example.com:8443/v2/new"])
    func crossOriginRefused(location: String) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/old", response: .status(302, headers: ["Location": location]))
        let error = await redirectError { _ = try await client(transport).get("old") }
        #expect(error?.kind == .crossOrigin)
        #expect(error?.response.status.code == 302)
        #expect(error?.helpfulError.problem == "GET https://api.example.com/v2/old answered 302 → \(location): not followed, it leads to another origin (scheme, host or port)")
        #expect(transport.requests.count == 1)
    }

    @Test("cross-origin: true follows, but Authorization, Cookie and the bearer token never go there")
    func crossOriginAllowed() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/file", response: .status(307, headers: ["Location": "https://cdn.example.net/blob/1"]))
        transport.route(.get, "/blob/1", response: .json(200, "{}"))
        let tokens = StaticTokenProvider(Secret(name: "az-token", value: "tok-123"))
        let api = client(transport, RedirectSettings(crossOrigin: true), tokens: tokens)
        _ = try await api.get("file", headerFields: [.cookie: "session=s3cret", HTTPField.Name("X-Trace")!: "t1"])
        let first = try #require(transport.requests.first)
        let second = try #require(transport.requests.last)
        #expect(first.header("Authorization") == "Bearer tok-123")
        #expect(first.header("Cookie") == "session=s3cret")
        #expect(second.url?.host == "cdn.example.net")
        #expect(second.header("Authorization") == nil)
        #expect(second.header("Cookie") == nil)
        #expect(second.header("X-Trace") == "t1")
    }

    @Test("a caller's own Authorization header is dropped at another origin too")
    func callerAuthorizationDropped() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/file", response: .status(302, headers: ["Location": "https://cdn.example.net/blob/1"]))
        transport.route(.get, "/blob/1", response: .json(200, "{}"))
        _ = try await client(transport, RedirectSettings(crossOrigin: true)).get("file", headerFields: [.authorization: "Basic dXNlcjpwdw=="])
        #expect(transport.requests.map { $0.header("Authorization") } == ["Basic dXNlcjpwdw==", nil])
    }

    @Test("303, and 301/302 after a POST, continue as GET without a body", arguments: [301, 302, 303])
    func postBecomesGET(status: Int) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/orders", response: .status(status, headers: ["Location": "/v2/orders/7"]))
        transport.route(.get, "/v2/orders/7", response: .json(200, #"{"id":7}"#))
        let response = try await client(transport).post("orders", json: ["item": "A"])
        #expect(response.text == #"{"id":7}"#)
        let last = try #require(transport.requests.last)
        #expect(last.method == .get)
        #expect(last.body == nil)
        #expect(last.header("Content-Type") == nil)
    }

    @Test("307/308 resend a POST only when it may be repeated (Idempotency-Key), body and method kept",
          arguments: [307, 308])
    func keepsMethodWhenRepeatable(status: Int) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/orders", response: .status(status, headers: ["Location": "/v2/orders-new"]))
        transport.route(.post, "/v2/orders-new", response: .json(201, #"{"id":8}"#))
        let refused = await redirectError { _ = try await client(transport).post("orders", json: ["item": "A"]) }
        #expect(refused?.kind == .notRepeatable)
        #expect(refused?.helpfulError.problem.contains("a POST may not be repeated") == true)
        #expect(transport.requests.count == 1)
        let response = try await client(transport).post("orders", json: ["item": "A"], idempotencyKey: "k-1")
        #expect(response.status.code == 201)
        let last = try #require(transport.requests.last)
        #expect(last.method == .post)
        #expect(last.bodyText == #"{"item":"A"}"#)
        #expect(last.header("Idempotency-Key") == "k-1")
    }

    @Test("PUT keeps its method and body through a 308 (PUT may be repeated)")
    func putKept() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.put, "/v2/items(1)", response: .status(308, headers: ["Location": "/v2/items(1)/v2"]))
        transport.route(.put, "/v2/items(1)/v2", response: .json(200, "{}"))
        _ = try await client(transport).put("items(1)", json: ["n": 1])
        #expect(transport.requests.map { "\($0.method.rawValue) \($0.bodyText)" } == [#"PUT {"n":1}"#, #"PUT {"n":1}"#])
    }

    @Test("a loop ends at max with a HelpfulError; max 0 follows nothing")
    func loop() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/a", response: .status(302, headers: ["Location": "/v2/b"]))
        transport.route(.get, "/v2/b", response: .status(302, headers: ["Location": "/v2/a"]))
        let error = await redirectError { _ = try await client(transport, RedirectSettings(max: 3)).get("a") }
        #expect(error?.kind == .tooMany)
        #expect(error?.helpfulError.problem == "GET https://api.example.com/v2/b answered 302 → https://api.example.com/v2/a: more than 3 redirects in one call (a redirect loop?)")
        #expect(transport.requests.count == 4)
        let none = await redirectError { _ = try await client(transport, RedirectSettings(max: 0)).get("a") }
        #expect(none?.kind == .tooMany)
        #expect(transport.requests.count == 5)
    }

    @Test("follow: false returns the redirect as it is; a redirect without Location is returned too")
    func notFollowed() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/old", response: .status(301, headers: ["Location": "/v2/new"]))
        transport.route(.get, "/v2/bare", response: .status(302))
        #expect(try await client(transport, RedirectSettings(follow: false)).get("old").status.code == 301)
        #expect(try await client(transport).get("bare").status.code == 302)
        #expect(transport.requests.count == 2)
    }

    @Test("each redirect is logged at DEBUG with redacted URLs")
    func logged() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/old", response: .status(302, headers: ["Location": "/v2/new?api_key=k123"]))
        transport.route(.get, "/v2/new", response: .json(200, "{}"))
        let log = CapturedLog()
        _ = try await client(transport, logger: log.logger).get("old")
        let lines = log.lines.withLock { $0 }.filter { $0.contains("following") }
        #expect(lines == ["debug GET https://api.example.com/v2/old → 302: following to https://api.example.com/v2/new?api_key=*** as GET (redirect 1 of at most 5)"])
    }

    @Test("redirects decode from global / apis.<name>, defaults when absent")
    func settings() throws {
        let decoded = try JSONDecoder().decode(APISettings.self, from: Data(#"{"redirects": {"follow": false, "max": 2, "cross-origin": true}}"#.utf8))
        #expect(decoded.redirects == RedirectSettings(follow: false, max: 2, crossOrigin: true))
        let partial = try SchemaFilledSettings.decode(RedirectSettings.self, #"{"max": 1}"#, at: "global", "redirects")
        #expect(partial == RedirectSettings(follow: true, max: 1, crossOrigin: false))
        #expect(try JSONDecoder().decode(APISettings.self, from: Data("{}".utf8)).redirects == nil)
        let named = try SchemaFilledSettings.decode(
            [String: APISettings].self, #"{"erp": {"redirects": {"follow": false}}}"#, at: "apis")
        #expect(named["erp"]?.redirects == RedirectSettings(follow: false, max: 5, crossOrigin: false))
    }

    @Test("each API's client gets its own redirects section from HTTPServices")
    func perAPI() throws {
        let container = ServiceContainer()
        var erp = APISettings(apiBaseURL: "https://erp.example.com/")
        erp.redirects = RedirectSettings(follow: false)
        HTTPServices.register(
            in: container, behavior: HTTPBehaviorSettings(), global: APISettings(apiBaseURL: "https://api.example.com/"),
            apis: ["erp": erp], logger: Logger(label: "test"), clock: ManualClock(), secretRegistry: SecretRegistry())
        #expect(try container.resolve(RestClient.self).redirects == RedirectSettings())
        #expect(try container.resolve(RestClient.self, name: "erp").redirects == RedirectSettings(follow: false))
    }

    @Test("the schema takes redirects under global and apis.<name>, and bounds max",
          arguments: [(#"{"follow": false, "max": 2, "cross-origin": true}"#, true), (#"{"max": 50}"#, false), (#"{"folow": true}"#, false)])
    func schema(redirects: String, valid: Bool) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let schema = try CompiledSchema(try JSONParser.parse(Array(try Data(
            contentsOf: root.appendingPathComponent("schemas/org-env-config.schema.json")))))
        let document = #"{"global": {"redirects": \#(redirects)}, "apis": {"erp": {"redirects": \#(redirects)}}, "script-behavior": {}}"#
        #expect(schema.validate(try JSONParser.parse(document)).isValid == valid)
    }
}
