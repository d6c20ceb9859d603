public import Foundation

/// One HTTP proxy server (`http://[user[:password]@]host[:port]`), with optional Basic
/// credentials. Its ``description`` and ``displayURL`` never show the password.
///
/// ```swift
/// let proxy = try HTTPProxy(url: "http://proxy.example.com:3128")
/// proxy.authority  // "proxy.example.com:3128"
/// ```
public struct HTTPProxy: Sendable, Hashable, CustomStringConvertible {
    /// The proxy's host name or IP address (IPv6 without brackets).
    public var host: String
    /// The proxy's port (default 80, as curl assumes for `http://` proxies).
    public var port: Int
    /// The Basic user, if the proxy wants credentials.
    public var user: String?
    /// The Basic password (from a secret or from the proxy URL's user part).
    public var password: Secret?

    /// Creates a proxy.
    public init(host: String, port: Int = 80, user: String? = nil, password: Secret? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
    }

    /// Parses a proxy URL: `http://host:port`, `host:port` (scheme `http://` assumed, as curl does),
    /// with an optional `user[:password]@` part (percent-decoded). Only `http://` proxies are
    /// supported (a TLS connection to the proxy itself is not).
    /// - Throws: ``HTTPProxy/InvalidURL`` naming what is wrong (the password never appears in it).
    public init(url text: String) throws(InvalidURL) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://\(trimmed)"
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            throw InvalidURL(reason: "it is not a URL with a host")
        }
        guard components.scheme?.lowercased() == "http" else {
            throw InvalidURL(reason: "only http:// proxies are supported, not \(components.scheme ?? "")://")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil else {
            throw InvalidURL(reason: "a proxy URL has no path or query")
        }
        let port = components.port ?? 80
        guard (1...65535).contains(port) else { throw InvalidURL(reason: "the port \(port) is out of range") }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
            .flatMap { $0.isEmpty ? nil : Secret(name: "proxy-password", value: $0) }
    }

    /// A proxy URL that cannot be used, and why.
    public struct InvalidURL: Error, Sendable, Equatable {
        /// Why, e.g. `only http:// proxies are supported, not https://`.
        public var reason: String
    }

    /// `host:port` (an IPv6 address in brackets): where the transport connects.
    public var authority: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// `http://user@host:port`: the proxy as logs and errors show it (never the password).
    public var displayURL: String {
        "http://\(user.map { "\($0)@" } ?? "")\(authority)"
    }

    /// The `Proxy-Authorization` value, `Basic base64(user:password)`, when a user is set.
    public var basicAuthorization: String? {
        guard let user else { return nil }
        let pair = "\(user):\(password?.reveal() ?? "")"
        return "Basic \(Data(pair.utf8).base64EncodedString())"
    }

    /// ``displayURL``.
    public var description: String { displayURL }
}
