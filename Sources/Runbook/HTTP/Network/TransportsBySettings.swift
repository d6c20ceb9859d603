import Logging
import Synchronization

/// The run's ``DefaultHTTPTransport``s, one per distinct ``HTTPTransportSettings``: APIs with the
/// same proxy and TLS settings share one transport (and its keep-alive pool).
final class TransportsBySettings: Sendable {
    private let global: APISettings
    private let environment: [String: String]
    private let secrets: [String: Secret]
    private let secretRegistry: SecretRegistry?
    private let logger: Logger
    private let made = Mutex<[HTTPTransportSettings: DefaultHTTPTransport]>([:])

    init(global: APISettings, environment: [String: String], secrets: [String: Secret],
         secretRegistry: SecretRegistry?, logger: Logger) {
        self.global = global
        self.environment = environment
        self.secrets = secrets
        self.secretRegistry = secretRegistry
        self.logger = logger
    }

    /// The transport for an API (`name` nil: `global`); a bad setting throws its ``HelpfulError``.
    func transport(api: APISettings, name: String?) throws(HelpfulError) -> DefaultHTTPTransport {
        let settings = try HTTPTransportSettings.resolve(
            api: api, apiName: name, global: global, environment: environment, secrets: secrets)
        return made.withLock { made in
            if let known = made[settings] { return known }
            for proxy in [settings.proxy.httpProxy, settings.proxy.httpsProxy].compactMap({ $0 }) {
                // A password from the environment's proxy URL is redacted like any loaded secret.
                if let password = proxy.password { secretRegistry?.register(password.reveal(), name: "proxy-password") }
                if let authorization = proxy.basicAuthorization, proxy.password != nil {
                    secretRegistry?.register(String(authorization.dropFirst("Basic ".count)), name: "proxy-authorization")
                }
            }
            let label = name.map { "apis.\($0)" } ?? "global"
            if let proxy = settings.proxy.httpProxy { logger.debug("\(label): http:// requests go through the proxy \(proxy.displayURL)") }
            if let proxy = settings.proxy.httpsProxy { logger.debug("\(label): https:// requests go through the proxy \(proxy.displayURL)") }
            let transport = DefaultHTTPTransport(settings: settings)
            made[settings] = transport
            return transport
        }
    }
}
