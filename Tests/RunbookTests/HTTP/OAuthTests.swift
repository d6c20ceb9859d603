import Foundation
import HTTPTypes
import Logging
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP OAuth client credentials")
struct HTTPOAuthTests {
    let tokenURL = URL(string: "https://login.example.com/tenant-1/oauth2/v2.0/token")!

    func tokenEndpoint(_ transport: FakeHTTPTransport, expiresIn: Int = 3600) {
        let counter = Counter()
        transport.route(.post, "/tenant-1/oauth2/v2.0/token") { _ in
            let n = counter.next()
            return .json(200, #"{"access_token":"token-number-\#(n)","expires_in":\#(expiresIn),"token_type":"Bearer"}"#)
        }
    }

    func provider(_ transport: FakeHTTPTransport, clock: ManualClock, registry: SecretRegistry? = nil) -> ClientCredentialsTokenProvider {
        ClientCredentialsTokenProvider(
            tokenURL: tokenURL, clientID: "app id", clientSecret: Secret(name: "client-secret", value: "s3cr3t&=value"),
            scope: "https://api.example.com/.default", transport: transport, clock: clock, secretRegistry: registry)
    }

    @Test("posts the client-credentials form and caches the token until 60 s before expiry")
    func caches() async throws {
        let transport = FakeHTTPTransport()
        tokenEndpoint(transport, expiresIn: 600)
        let clock = ManualClock()
        let registry = SecretRegistry()
        let provider = provider(transport, clock: clock, registry: registry)
        #expect(try await provider.token() == "token-number-1")
        clock.advance(by: .seconds(539))
        #expect(try await provider.token() == "token-number-1")
        clock.advance(by: .seconds(1))
        #expect(try await provider.token() == "token-number-2")
        let request = try #require(transport.requests.first)
        #expect(request.bodyText == "grant_type=client_credentials&client_id=app%20id&client_secret=s3cr3t%26%3Dvalue&scope=https%3A%2F%2Fapi.example.com%2F.default")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(registry.values.contains("token-number-1"))
        #expect(registry.values.contains("s3cr3t&=value"))
    }

    @Test("concurrent requests share one token fetch (single-flight)")
    func singleFlight() async throws {
        let transport = FakeHTTPTransport()
        tokenEndpoint(transport)
        let provider = provider(transport, clock: ManualClock())
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.token() } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(tokens == ["token-number-1"])
        #expect(transport.requests.count == 1)
    }

    @Test("a 401 refreshes the token once and retries the request once")
    func refreshOn401() async throws {
        let transport = FakeHTTPTransport()
        tokenEndpoint(transport)
        transport.route(.get, "/v2/me") { request in
            request.header("Authorization") == "Bearer token-number-2" ? .json(200, "{}") : .json(401, "{}")
        }
        let clock = ManualClock()
        let client = makeClient(transport, clock: clock, tokens: provider(transport, clock: clock))
        #expect(try await client.get("me").status.code == 200)
        #expect(transport.requests.map { "\($0.method.rawValue) \($0.path)" }
            == ["POST /tenant-1/oauth2/v2.0/token", "GET /v2/me", "POST /tenant-1/oauth2/v2.0/token", "GET /v2/me"])
    }

    @Test("a second 401 is reported, not refreshed again")
    func persistent401() async throws {
        let transport = FakeHTTPTransport()
        tokenEndpoint(transport)
        transport.route(.get, "/v2/me", response: .json(401, #"{"error":{"message":"Invalid audience"}}"#))
        let clock = ManualClock()
        let error = await httpError { _ = try await makeClient(transport, clock: clock, tokens: provider(transport, clock: clock)).get("me") }
        #expect(transport.requests.count == 4)
        #expect(error?.status == 401)
        #expect(error?.helpfulError.solution
            == "Check the credentials: global.tenant-id, global.client-id, global.oauth-scope and the client-secret in the secrets file (or az-token)")
    }

    @Test("a failed token request is a HelpfulError that never shows the secret")
    func tokenFailure() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/tenant-1/oauth2/v2.0/token",
                        response: .json(401, #"{"error":"invalid_client","error_description":"bad secret s3cr3t&=value"}"#))
        let provider = provider(transport, clock: ManualClock(), registry: SecretRegistry())
        await #expect(throws: HelpfulError.self) { _ = try await provider.token() }
        do {
            _ = try await provider.token()
        } catch let error as HelpfulError {
            #expect(error.problem == "Token request to https://login.example.com/tenant-1/oauth2/v2.0/token failed: HTTP 401: invalid_client: bad secret ***")
        }
    }

    @Test("missing OAuth pieces are one configuration error listing exactly what is missing", arguments: [
        (APISettings(clientID: "app", oauthScope: "s"), "tenant-id, client-secret (secrets file)"),
        (APISettings(tenantID: "t"), "client-id, oauth-scope, client-secret (secrets file)"),
        (APISettings(clientID: "app", oauthScope: "s", tokenURL: "https://auth.example.com/token"), "client-secret (secrets file)"),
    ])
    func missing(settings: APISettings, expected: String) throws {
        #expect {
            _ = try AccessTokenConfiguration.provider(
                api: settings, apiName: nil, secrets: [:], required: false, transport: FakeHTTPTransport(),
                clock: ManualClock(), secretRegistry: nil, logger: Logger(label: "test"))
        } throws: { error in
            let error = error as? HelpfulError
            return error?.problem == "Token required but OAuth configuration for global is incomplete; missing: \(expected)"
                && error?.exitCode == .configuration
        }
    }

    @Test("az-token is used as a static bearer token; nothing configured means no auth")
    func fallbacks() async throws {
        let registry = SecretRegistry()
        let token = Secret(name: "az-token", value: "static-bearer-value")
        let provider = try AccessTokenConfiguration.provider(
            api: APISettings(), apiName: nil, secrets: ["az-token": token], required: true, transport: FakeHTTPTransport(),
            clock: ManualClock(), secretRegistry: registry, logger: Logger(label: "test"))
        #expect(try await provider?.token() == "static-bearer-value")
        #expect(registry.values == ["static-bearer-value"])
        let none = try AccessTokenConfiguration.provider(
            api: APISettings(apiBaseURL: "https://x"), apiName: nil, secrets: [:], required: false,
            transport: FakeHTTPTransport(), clock: ManualClock(), secretRegistry: nil, logger: Logger(label: "test"))
        #expect(none == nil)
    }
}

/// A thread-safe counter for fake endpoints.
final class Counter: Sendable {
    private let value = Mutex(0)

    var current: Int { value.withLock { $0 } }

    func next() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}

import Synchronization

@Suite("HTTP token scope")
struct HTTPTokenScopeTests {
    @Test("the bearer token goes only to the base URL's origin")
    func origin() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/a", response: .json(200, "{}"))
        transport.route(.get, "/b", response: .json(200, "{}"))
        let client = makeClient(transport, tokens: StaticTokenProvider(Secret(name: "az-token", value: "bearer-1234")))
        _ = try await client.get("a")
        _ = try await client.get("https://elsewhere.example.net/b")
        _ = try await client.get("http://api.example.com/b")
        #expect(transport.requests.map { $0.header("Authorization") } == ["Bearer bearer-1234", nil, nil])
    }
}

@Suite("HTTP token endpoint retries")
struct HTTPTokenRetryTests {
    @Test("a transient token endpoint failure is retried twice, then reported")
    func retries() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/token", responses: [
            .json(503, "{}", headers: ["Retry-After": "4"]),
            .json(200, #"{"access_token":"after-retry","expires_in":3600}"#),
        ])
        let clock = ManualClock()
        let provider = ClientCredentialsTokenProvider(
            tokenURL: URL(string: "https://auth.example.com/token")!, clientID: "a", clientSecret: Secret(name: "client-secret", value: "pw-123"),
            scope: "s", transport: transport, clock: clock)
        #expect(try await provider.token() == "after-retry")
        #expect(clock.sleeps == [.seconds(4)])

        let down = FakeHTTPTransport()
        down.route(.post, "/token") { _ in throw HTTPTransportError(.connectionFailed, "connection refused") }
        let failing = ClientCredentialsTokenProvider(
            tokenURL: URL(string: "https://auth.example.com/token")!, clientID: "a", clientSecret: Secret(name: "client-secret", value: "pw-123"),
            scope: "s", transport: down, clock: clock)
        await #expect {
            _ = try await failing.token()
        } throws: { error in
            (error as? HelpfulError)?.problem
                == "Token request to https://auth.example.com/token failed: the token endpoint could not be reached (connection refused)"
        }
        #expect(down.requests.count == 3)
    }
}
