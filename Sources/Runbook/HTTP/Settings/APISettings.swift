/// How to reach one API: the `global` section, or a named `apis.<name>` section with the same
/// keys for scripts that talk to several services. Unknown keys are ignored.
///
/// | key | type | default |
/// |---|---|---|
/// | `api-base-url` | string (URL) | none: every path must then be absolute |
/// | `api-version` | string | none (informational) |
/// | `tenant-id` | string | none (Azure AD tenant for the default token URL) |
/// | `client-id` | string | none |
/// | `oauth-scope` | string | none |
/// | `token-url` | string (URL) | `https://login.microsoftonline.com/{tenant-id}/oauth2/v2.0/token` |
/// | `proxy` | ``APIProxySettings`` | none: the environment's `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY` (a named API: `global`'s) |
/// | `tls` | ``APITLSSettings`` | none: the system's CA store, TLS 1.2 (a named API: `global`'s) |
///
/// Secrets (from the secrets file, never from here): `client-secret`, or `az-token` as a
/// static bearer token.
public struct APISettings: Decodable, Sendable, Equatable {
    /// `api-base-url`.
    public var apiBaseURL: String?
    /// `api-version`.
    public var apiVersion: String?
    /// `tenant-id`.
    public var tenantID: String?
    /// `client-id`.
    public var clientID: String?
    /// `oauth-scope`.
    public var oauthScope: String?
    /// `token-url`.
    public var tokenURL: String?
    /// `proxy` (see ``HTTPTransportSettings/resolve(api:apiName:global:environment:secrets:)``).
    public var proxy: APIProxySettings?
    /// `tls`.
    public var tls: APITLSSettings?

    /// Creates settings.
    public init(
        apiBaseURL: String? = nil, apiVersion: String? = nil, tenantID: String? = nil,
        clientID: String? = nil, oauthScope: String? = nil, tokenURL: String? = nil,
        proxy: APIProxySettings? = nil, tls: APITLSSettings? = nil
    ) {
        self.apiBaseURL = apiBaseURL
        self.apiVersion = apiVersion
        self.tenantID = tenantID
        self.clientID = clientID
        self.oauthScope = oauthScope
        self.tokenURL = tokenURL
        self.proxy = proxy
        self.tls = tls
    }

    enum CodingKeys: String, CodingKey {
        case apiBaseURL = "api-base-url"
        case apiVersion = "api-version"
        case tenantID = "tenant-id"
        case clientID = "client-id"
        case oauthScope = "oauth-scope"
        case tokenURL = "token-url"
        case proxy, tls
    }

    /// Whether any OAuth key is set (then every piece the token needs must be present).
    var mentionsOAuth: Bool {
        [tenantID, clientID, oauthScope, tokenURL].contains { !($0 ?? "").isEmpty }
    }
}
