/// The `proxy` section of `global` or `apis.<name>`: how that API's requests reach it. Without
/// the section, the environment decides (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`, see
/// ``ProxyRules/fromEnvironment(_:)``); a named API without its own section uses `global`'s.
///
/// | key | type | default |
/// |---|---|---|
/// | `enabled` | boolean | `true`; `false`: this API goes direct, whatever the environment says |
/// | `url` | string (`http://host:port`) | none: `HTTP_PROXY` / `HTTPS_PROXY` by scheme; set: this proxy for both schemes |
/// | `no-proxy` | array of strings | `[]`: hosts that go direct, in addition to `NO_PROXY` (``NoProxyList``) |
/// | `user` | string | none (or the user part of the proxy URL): Basic credentials for the proxy |
/// | `password-secret` | string | `proxy-password` (a named API looks for `<name>-proxy-password` first) |
///
/// The password is a secret, never a config value: a `url` with a password is an error.
public struct APIProxySettings: Decodable, Sendable, Equatable {
    /// `enabled`.
    public var enabled: Bool
    /// `url`.
    public var url: String?
    /// `no-proxy`.
    public var noProxy: [String]
    /// `user`.
    public var user: String?
    /// `password-secret`: the name of the secret holding the proxy password.
    public var passwordSecret: String?

    /// Creates settings.
    public init(enabled: Bool = true, url: String? = nil, noProxy: [String] = [], user: String? = nil, passwordSecret: String? = nil) {
        self.enabled = enabled
        self.url = url
        self.noProxy = noProxy
        self.user = user
        self.passwordSecret = passwordSecret
    }

    enum CodingKeys: String, CodingKey {
        case enabled, url, user
        case noProxy = "no-proxy"
        case passwordSecret = "password-secret"
    }
}
