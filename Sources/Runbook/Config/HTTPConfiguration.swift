import Logging

/// The HTTP settings a run builds its clients from, read once from the configuration:
/// `script-behavior` (timeouts, retries, jitter, rate limiting, circuit breaker, batches), `global`
/// (the unnamed client) and each `apis.<name>` (a named client).
///
/// ```swift
/// let http = try HTTPConfiguration(loaded.proxy)
/// try http.checkClients(secrets: loaded.secrets.byName)
/// ```
public struct HTTPConfiguration: Sendable {
    /// `script-behavior`.
    public let behavior: HTTPBehaviorSettings
    /// `global`.
    public let global: APISettings
    /// `apis.<name>`.
    public let apis: [String: APISettings]

    /// Decodes the sections; a wrong type is a `HelpfulError` (exit 78) at the value's file:line.
    public init(_ config: ConfigProxy) throws(HelpfulError) {
        behavior = try config.decode(HTTPBehaviorSettings.self, "script-behavior")
        global = config.contains("global") ? try config.decode(APISettings.self, "global") : APISettings()
        apis = config.contains("apis") ? try config.decode([String: APISettings].self, "apis") : [:]
    }

    /// What each client checks when a script first uses it, checked now: the API's base URL and, for
    /// an API that authenticates (OAuth keys set, or a `client-secret`/`az-token` secret), that its OAuth
    /// settings and secrets are complete; its proxy and TLS settings (``HTTPTransportSettings``,
    /// with `environment`'s `HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`). The same functions and
    /// messages as the clients themselves.
    public func checkClients(secrets: [String: Secret], environment: [String: String] = [:]) throws(HelpfulError) {
        let all: [(name: String?, settings: APISettings)] = [(nil, global)] + apis.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        // The providers are only built, never asked for a token: nothing is sent or logged.
        let quiet = Logger(label: "runbook.config-check", factory: { _ in SwiftLogNoOpLogHandler() })
        for (name, settings) in all {
            do {
                _ = try HTTPServices.baseURL(settings, name: name)
                _ = try HTTPTransportSettings.resolve(
                    api: settings, apiName: name, global: global, environment: environment, secrets: secrets)
                if HTTPServices.needsToken(settings, name: name, secrets: secrets, required: false) {
                    _ = try AccessTokenConfiguration.provider(
                        api: settings, apiName: name, secrets: secrets, required: true, transport: DefaultHTTPTransport(),
                        clock: SystemClock(), secretRegistry: nil, logger: quiet)
                }
            } catch {
                throw HelpfulError.wrapping(error)
            }
        }
    }
}
