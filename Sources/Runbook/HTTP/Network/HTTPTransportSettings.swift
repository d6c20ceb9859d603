/// What a transport is built from, per API: the proxy rules and the TLS settings. Resolved from
/// the environment and an API's `proxy` and `tls` sections by
/// ``resolve(api:apiName:global:environment:secrets:)``; ``HTTPServices`` builds one transport
/// per distinct value. Any ``HTTPTransport`` may honour it (``DefaultHTTPTransport`` does).
///
/// ```swift
/// let settings = try HTTPTransportSettings.resolve(
///     api: erp, apiName: "erp", global: global, environment: ProcessInfo.processInfo.environment, secrets: secrets)
/// let transport = DefaultHTTPTransport(settings: settings)
/// ```
public struct HTTPTransportSettings: Sendable, Hashable {
    /// Which proxy each request goes through.
    public var proxy: ProxyRules
    /// How `https://` connections are verified and authenticated.
    public var tls: TLSSettings

    /// Creates settings (defaults: no proxy, the system's CA store, TLS 1.2).
    public init(proxy: ProxyRules = .direct, tls: TLSSettings = TLSSettings()) {
        self.proxy = proxy
        self.tls = tls
    }

    /// No proxy, default TLS.
    public static let standard = HTTPTransportSettings()
}
