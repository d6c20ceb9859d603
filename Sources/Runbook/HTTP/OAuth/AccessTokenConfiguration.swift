import Foundation
public import Logging

/// Chooses how an API authenticates, from its settings and the secrets.
///
/// - No OAuth key set (`tenant-id`, `client-id`, `oauth-scope`, `token-url`), no `az-token`
///   and not `required`: no authentication (a public API).
/// - `az-token` secret present: used as a static bearer token.
/// - Otherwise client credentials, needing `client-id`, `oauth-scope`, `tenant-id` (unless
///   `token-url` is set) and the `client-secret` secret. Anything missing is one
///   ``HelpfulError`` (exit code 78) listing exactly what: "missing: tenant-id, client-secret (secrets file)".
///
/// Secret names: for the global API `client-secret` / `az-token`; for `apis.<name>`,
/// `<name>-client-secret` / `<name>-az-token` first, then the global names. `_` works for `-`.
public enum AccessTokenConfiguration {
    /// The token provider for one API, or nil when it needs none.
    public static func provider(
        api: APISettings, apiName: String?, secrets: [String: Secret], required: Bool,
        transport: any HTTPTransport, clock: any RunbookClock, secretRegistry: SecretRegistry?, logger: Logger,
        onTokenFetch: (@Sendable () -> Void)? = nil
    ) throws -> (any AccessTokenProvider)? {
        if let token = secret("az-token", apiName: apiName, in: secrets) {
            secretRegistry?.register(token)
            logger.debug("using the az-token secret as a static bearer token")
            return StaticTokenProvider(token)
        }
        let clientSecret = secret("client-secret", apiName: apiName, in: secrets)
        guard required || api.mentionsOAuth || clientSecret != nil else { return nil }
        let tokenURLText = nonEmpty(api.tokenURL)
        var missing: [String] = []
        if tokenURLText == nil && nonEmpty(api.tenantID) == nil { missing.append("tenant-id") }
        if nonEmpty(api.clientID) == nil { missing.append("client-id") }
        if nonEmpty(api.oauthScope) == nil { missing.append("oauth-scope") }
        if clientSecret == nil { missing.append("client-secret (secrets file)") }
        let section = apiName.map { "apis.\($0)" } ?? "global"
        guard missing.isEmpty, let clientSecret, let clientID = api.clientID, let scope = api.oauthScope else {
            throw incomplete(section: section, missing: missing)
        }
        let urlText = tokenURLText ?? "https://login.microsoftonline.com/\(api.tenantID!)/oauth2/v2.0/token"
        guard let url = URL(string: urlText), url.scheme != nil, url.host != nil else {
            throw HelpfulError(
                code: .configInvalidURL,
                problem: "\(section).token-url is not a valid URL: \(urlText)",
                solution: "Set it to the provider's token endpoint, or remove it to use Azure AD with tenant-id",
                example: "token-url: https://auth.example.com/oauth2/token",
                location: ErrorLocation(keyPath: "\(section).token-url"), exitCode: .configuration)
        }
        return ClientCredentialsTokenProvider(
            tokenURL: url, clientID: clientID, clientSecret: clientSecret, scope: scope, transport: transport,
            clock: clock, secretRegistry: secretRegistry, logger: logger, onTokenFetch: onTokenFetch)
    }

    static func incomplete(section: String, missing: [String]) -> HelpfulError {
        HelpfulError(
            code: .configOAuthIncomplete,
            problem: "Token required but OAuth configuration for \(section) is incomplete; missing: "
                + missing.joined(separator: ", "),
            solution: "Add the OAuth settings to the \(section) section and client-secret to the secrets file, "
                + "or add an az-token secret to use a fixed bearer token",
            example: "\(section):\n  tenant-id: 00000000-0000-0000-0000-000000000000\n  client-id: my-app\n"
                + "  oauth-scope: https://api.example.com/.default\nsecrets file:\n  client-secret: \"…\"",
            location: ErrorLocation(keyPath: section),
            exitCode: .configuration)
    }

    static func secret(_ name: String, apiName: String?, in secrets: [String: Secret]) -> Secret? {
        var names: [String] = []
        if let apiName { names += ["\(apiName)-\(name)", "\(apiName)_\(name)"] }
        names += [name, name.replacingOccurrences(of: "-", with: "_")]
        for candidate in names {
            if let secret = secrets[candidate], !secret.isEmpty { return secret }
        }
        return nil
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }
}
