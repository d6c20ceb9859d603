import Foundation
import LoopbackHTTPServer

extension DemoRoutes {
    /// `POST /oauth2/v2.0/token`: client credentials in a form body → a bearer token (never faulted).
    func installOAuth() {
        let (store, clientID, clientSecret) = (store, options.clientID, options.clientSecret)
        server.route("POST", DemoAPIServer.tokenPath) { request in
            let form = Self.form(request.bodyText)
            guard form["grant_type"] == "client_credentials" else {
                return DemoJSON.response(400, ["error": "unsupported_grant_type",
                                               "error_description": "Only grant_type=client_credentials is supported"])
            }
            guard form["client_id"] == clientID, form["client_secret"] == clientSecret else {
                return DemoJSON.response(401, ["error": "invalid_client",
                                               "error_description": "Unknown client id or wrong client secret"])
            }
            let token = store.withState { state -> String in
                let token = "demo-access-\(state.issuedTokens.count + 1)-\(UUID().uuidString.prefix(8).lowercased())"
                state.issuedTokens.insert(token)
                return token
            }
            return DemoJSON.response(200, TokenJSON(accessToken: token))
        }
    }

    /// `GET`/`POST /_admin/faults` and `POST /_admin/reset` (never faulted, no token needed).
    func installAdmin() {
        let (store, injector) = (store, injector)
        server.route("GET", "/_admin/faults") { _ in DemoJSON.response(200, injector.faults) }
        server.route("POST", "/_admin/faults") { request in
            guard let faults = try? JSONDecoder().decode(DemoFaults.self, from: request.body.isEmpty ? Data("{}".utf8) : request.body) else {
                return DemoJSON.error(400, "BadRequest",
                    "The body must be a JSON object with fail-rate, fail-status, retry-after, fail-next, slow-ms")
            }
            injector.faults = faults
            return DemoJSON.response(200, faults)
        }
        server.route("POST", "/_admin/reset") { _ in
            store.reset()
            injector.faults = DemoFaults()
            return LoopbackResponse.empty(204)
        }
    }

    /// Decodes `application/x-www-form-urlencoded` text.
    static func form(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}

/// A token response.
struct TokenJSON: Encodable, Sendable {
    let accessToken: String

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encode("Bearer", forKey: .tokenType)
        try container.encode(3600, forKey: .expiresIn)
    }
}
