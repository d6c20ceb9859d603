public import Foundation

/// Which proxy, if any, a request goes through: one for `http://` URLs, one for `https://` URLs
/// (through a `CONNECT` tunnel), and the hosts that go direct.
///
/// Built by ``fromEnvironment(_:)`` from `HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY` (and their
/// lower-case forms, which win when both are set, as in curl), then overridden per API by the
/// `proxy` section (``APIProxySettings``). ``direct`` sends everything without a proxy.
///
/// ```swift
/// let rules = try ProxyRules.fromEnvironment(["HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "localhost"])
/// rules.proxy(for: URL(string: "https://api.example.com/v2/")!)  // proxy:3128
/// ```
public struct ProxyRules: Sendable, Hashable {
    /// The proxy for `http://` URLs (requests in absolute form), nil: direct.
    public var httpProxy: HTTPProxy?
    /// The proxy for `https://` URLs (a `CONNECT` tunnel, then TLS with the origin), nil: direct.
    public var httpsProxy: HTTPProxy?
    /// The hosts that go direct even when a proxy is set.
    public var bypass: NoProxyList

    /// Creates rules.
    public init(httpProxy: HTTPProxy? = nil, httpsProxy: HTTPProxy? = nil, bypass: NoProxyList = NoProxyList()) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.bypass = bypass
    }

    /// No proxy for anything.
    public static let direct = ProxyRules()

    /// Whether no request can go through a proxy.
    public var isDirect: Bool { httpProxy == nil && httpsProxy == nil }

    /// The proxy for a request to `url`, or nil when it goes direct (no proxy for its scheme, or
    /// its host is in ``bypass``).
    public func proxy(for url: URL) -> HTTPProxy? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host else { return nil }
        let isTLS = scheme == "https"
        return proxy(isTLS: isTLS, host: host, port: url.port ?? (isTLS ? 443 : 80))
    }

    /// The proxy for a request to `host:port`, `https://` when `isTLS`.
    public func proxy(isTLS: Bool, host: String, port: Int) -> HTTPProxy? {
        guard let proxy = isTLS ? httpsProxy : httpProxy else { return nil }
        return bypass.matches(host: host, port: port) ? nil : proxy
    }

    /// The rules the environment sets: `http_proxy`/`HTTP_PROXY` for `http://`,
    /// `https_proxy`/`HTTPS_PROXY` for `https://`, `no_proxy`/`NO_PROXY` for the bypass list; the
    /// lower-case form wins when both are set, an empty value means unset. (`ALL_PROXY` is not
    /// read; curl's `HTTP_PROXY` upper-case exception for CGI is not needed here.)
    /// - Throws: ``ProxyEnvironmentError`` for a value that is not a usable proxy URL.
    public static func fromEnvironment(_ environment: [String: String]) throws(ProxyEnvironmentError) -> ProxyRules {
        func value(_ name: String) -> (name: String, text: String)? {
            for candidate in [name.lowercased(), name.uppercased()] {
                if let text = environment[candidate]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                    return (candidate, text)
                }
            }
            return nil
        }
        func proxy(_ name: String) throws(ProxyEnvironmentError) -> HTTPProxy? {
            guard let (variable, text) = value(name) else { return nil }
            do {
                return try HTTPProxy(url: text)
            } catch {
                throw ProxyEnvironmentError(variable: variable, reason: error.reason)
            }
        }
        return ProxyRules(
            httpProxy: try proxy("http_proxy"), httpsProxy: try proxy("https_proxy"),
            bypass: NoProxyList(value("no_proxy")?.text ?? ""))
    }
}

/// An environment variable that should name a proxy but cannot be used (its value is not shown:
/// it may carry a password).
public struct ProxyEnvironmentError: Error, Sendable, Equatable {
    /// The variable, e.g. `HTTPS_PROXY`.
    public var variable: String
    /// Why, e.g. `only http:// proxies are supported, not https://`.
    public var reason: String
}
