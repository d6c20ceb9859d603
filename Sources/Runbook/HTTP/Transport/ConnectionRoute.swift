import RunbookTransport

/// Where one request's connection goes: straight to the origin, or through a proxy (``ProxyRules``).
/// Its ``key`` names the keep-alive pool, so connections are reused per (proxy, origin) only.
struct ConnectionRoute: Sendable {
    /// The origin's `host[:port]` as in the URL.
    let authority: String
    /// The origin's host (IPv6 without brackets), for SNI and certificate checks.
    let host: String
    /// The origin's port (80 or 443 when the URL has none).
    let port: Int
    /// Whether the origin is `https://`.
    let isTLS: Bool
    /// The proxy the request goes through, nil: direct.
    let proxy: HTTPProxy?
    /// The pool key: `host:port` (http), `https://host:port`, with ` via http://user@proxy:port` through a proxy.
    let key: String

    init(authority: String, isTLS: Bool, rules: ProxyRules) {
        self.authority = authority
        self.isTLS = isTLS
        let (host, port) = SocketAddress.split(authority: authority, defaultPort: isTLS ? "443" : "80")
        self.host = host
        self.port = Int(port) ?? (isTLS ? 443 : 80)
        proxy = rules.isDirect ? nil : rules.proxy(isTLS: isTLS, host: host, port: self.port)
        let direct = isTLS ? "https://\(authority)" : authority
        key = proxy.map { "\(direct) via \($0.displayURL)" } ?? direct
    }
}

extension SocketConnection {
    /// Asks `proxy` for a tunnel to the route's origin (`CONNECT host:port`, with `Host` and the
    /// proxy's `Proxy-Authorization`); nil when it is open, or the proxy's answer (a `407` asking
    /// for credentials is returned as the response, so the caller sees it like any HTTP status).
    /// Any other refusal throws ``HTTPTransportError/Kind/connectionFailed`` naming the proxy.
    func openTunnel(_ route: ConnectionRoute, via proxy: HTTPProxy, deadline: AttemptDeadline) throws -> HTTP1Response? {
        let target = route.host.contains(":") ? "[\(route.host)]:\(route.port)" : "\(route.host):\(route.port)"
        var head = "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n"
        if let authorization = proxy.basicAuthorization { head += "Proxy-Authorization: \(authorization)\r\n" }
        head += "\r\n"
        let answer: HTTP1Response?
        do {
            try send(Array(head.utf8), deadline: deadline)
            answer = try readTunnelAnswer(deadline: deadline)
        } catch is NotSent {
            throw HTTPTransportError(.connectionFailed, "the proxy \(proxy.displayURL) closed the connection before CONNECT was sent")
        } catch let error as HTTPTransportError {
            throw HTTPTransportError(error.kind, "the proxy \(proxy.displayURL) did not open a tunnel to \(target): \(error.message)")
        }
        guard let answer, answer.head.status != 407 else { return answer }
        throw HTTPTransportError(
            .connectionFailed, "the proxy \(proxy.displayURL) refused the tunnel to \(target): HTTP \(answer.head.status)")
    }
}
