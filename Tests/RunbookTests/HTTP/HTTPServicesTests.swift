import Foundation
import HTTPTypes
import Logging
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP services registration")
struct HTTPServicesTests {
    func container(global: APISettings, apis: [String: APISettings] = [:], secrets: [String: Secret] = [:]) -> ServiceContainer {
        let container = ServiceContainer()
        HTTPServices.register(
            in: container, behavior: HTTPBehaviorSettings(), global: global, apis: apis, secrets: secrets,
            logger: Logger(label: "test"), clock: ManualClock(), secretRegistry: SecretRegistry())
        return container
    }

    @Test("a test replaces the transport; global and named clients use their own base URLs and tokens")
    func resolves() async throws {
        let container = container(
            global: APISettings(apiBaseURL: "https://api.example.com/v2"),
            apis: ["erp": APISettings(apiBaseURL: "https://erp.example.com/odata/",
                                      clientID: "erp-app", oauthScope: "erp", tokenURL: "https://auth.example.com/token")],
            secrets: ["erp-client-secret": Secret(name: "erp-client-secret", value: "erp-secret-value")])
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/ping", response: .json(200, "{}"))
        transport.route(.get, "/odata/customers", response: .json(200, #"{"value":[]}"#))
        transport.route(.post, "/token", response: .json(200, #"{"access_token":"erp-token-1","expires_in":3600}"#))
        container.register((any HTTPTransport).self, instance: transport)

        _ = try await container.resolve(RestClient.self).get("ping")
        _ = try await container.resolve(RestClient.self, name: "erp").get("customers")
        #expect(transport.requests.map { $0.url?.absoluteString ?? "" } == [
            "https://api.example.com/v2/ping", "https://auth.example.com/token", "https://erp.example.com/odata/customers",
        ])
        #expect(transport.requests[0].header("Authorization") == nil)
        #expect(transport.requests[2].header("Authorization") == "Bearer erp-token-1")
    }

    @Test("incomplete OAuth config fails when the client is resolved, with exit code 78")
    func incomplete() throws {
        let container = container(global: APISettings(apiBaseURL: "https://api.example.com", clientID: "app"))
        #expect {
            _ = try container.resolve(RestClient.self)
        } throws: { error in
            (error as? HelpfulError)?.problem
                == "Token required but OAuth configuration for global is incomplete; missing: tenant-id, oauth-scope, client-secret (secrets file)"
        }
    }

    @Test("a base URL with credentials or a bad scheme is a configuration error")
    func badBaseURL() throws {
        let container = container(global: APISettings(apiBaseURL: "ftp://user:pw@files.example.com"))
        #expect {
            _ = try container.resolve(RestClient.self)
        } throws: { error in
            let error = error as? HelpfulError
            return error?.problem == "global.api-base-url is not an http(s) URL without credentials: ftp://files.example.com"
                && error?.exitCode == .configuration
        }
    }
}
