public import Foundation
public import Logging

/// Registers the HTTP stack in a run's service container: the transport, the per-host
/// resilience (rate limiters, circuit breakers), the jitter source, the run's
/// ``HTTPInstrumentation`` (metrics and traces), a token provider per API
/// that needs one, and a ``RestClient`` per API: unnamed for `global`, named for each `apis.<name>`.
///
/// ```swift
/// HTTPServices.register(in: container, behavior: behavior, global: global, apis: ["erp": erp],
///                       secrets: secrets, logger: logger, clock: clock, secretRegistry: registry)
/// let api = try container.resolve(RestClient.self)
/// let erp = try container.resolve(RestClient.self, name: "erp")
/// ```
///
/// Everything is built on first resolve, so a test can replace any piece first, e.g.
/// `container.register((any HTTPTransport).self, instance: FakeHTTPTransport())`. Missing OAuth
/// pieces surface when the client is resolved, as a ``HelpfulError`` with exit code 78.
public enum HTTPServices {
    /// The name under which the `global` API's token provider is registered.
    public static let globalName = "global"

    /// Registers transport, resilience, token providers and clients.
    /// - Parameters:
    ///   - behavior: the `script-behavior` section.
    ///   - global: the `global` section (the unnamed client).
    ///   - apis: named `apis.<name>` sections (one named client each).
    ///   - secrets: the run's secrets by name (`client-secret`, `az-token`, `<name>-client-secret`, …).
    ///   - requireToken: every API must authenticate (missing OAuth config is an error even when no key is set).
    ///   - rateLimitFolder: where the host limiters share their state with other processes
    ///     (``RateLimitScope/stateFolder(projectRoot:environment:)``); nil: each run's own.
    ///   - environment: the run's variables, for `HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`
    ///     (``HTTPTransportSettings/resolve(api:apiName:global:environment:secrets:)``): each API
    ///     gets a ``DefaultHTTPTransport`` for its proxy and TLS settings, unless the unnamed
    ///     transport was replaced (a test's fake), which then carries every API.
    public static func register(
        in container: ServiceContainer,
        behavior: HTTPBehaviorSettings,
        global: APISettings,
        apis: [String: APISettings] = [:],
        secrets: [String: Secret] = [:],
        logger: Logger,
        clock: any RunbookClock,
        secretRegistry: SecretRegistry,
        requireToken: Bool = false,
        rateLimitFolder: URL? = nil,
        environment: [String: String] = [:]
    ) {
        let transports = TransportsBySettings(global: global, environment: environment, secrets: secrets,
                                              secretRegistry: secretRegistry, logger: logger)
        container.register((any HTTPTransport).self) { _ in try transports.transport(api: global, name: nil) }
        container.register(HostResilience.self) { _ in
            HostResilience(behavior: behavior, clock: clock, sharedStateFolder: rateLimitFolder)
        }
        container.register((any RandomSource).self) { _ in SystemRandomSource() }
        // Made on first use, with the metrics and tracing backends bootstrapped by then.
        container.register(HTTPInstrumentation.self) { _ in HTTPInstrumentation() }
        let all: [(name: String?, settings: APISettings)] = [(nil, global)] + apis.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (name, settings) in all {
            let tokenName = name ?? globalName
            let transportName = name.map { "apis.\($0)" }
            if let transportName {
                container.register((any HTTPTransport).self, name: transportName) { resolver in
                    let registered = try resolver.resolve((any HTTPTransport).self)
                    guard registered is DefaultHTTPTransport else { return registered }
                    return try transports.transport(api: settings, name: name)
                }
            }
            if needsToken(settings, name: name, secrets: secrets, required: requireToken) {
                container.register((any AccessTokenProvider).self, name: tokenName) { resolver in
                    let onTokenFetch = tokenFetchRecorder(
                        try resolver.resolve(HTTPInstrumentation.self), settings: settings, name: name)
                    let provider = try AccessTokenConfiguration.provider(
                        api: settings, apiName: name, secrets: secrets, required: true,
                        transport: try resolver.resolve((any HTTPTransport).self, name: transportName), clock: clock,
                        secretRegistry: secretRegistry, logger: logger,
                        onTokenFetch: onTokenFetch)
                    guard let provider else { throw AccessTokenConfiguration.incomplete(section: tokenName, missing: []) }
                    return provider
                }
            }
            container.register(RestClient.self, name: name) { [container] resolver in
                let tokens = container.isRegistered((any AccessTokenProvider).self, name: tokenName)
                    ? try resolver.resolve((any AccessTokenProvider).self, name: tokenName) : nil
                return RestClient(
                    baseURL: try baseURL(settings, name: name),
                    transport: try resolver.resolve((any HTTPTransport).self, name: transportName),
                    behavior: behavior, tokenProvider: tokens, clock: clock,
                    logger: logger, resilience: try resolver.resolve(HostResilience.self),
                    random: try resolver.resolve((any RandomSource).self), secretRegistry: secretRegistry,
                    instrumentation: try resolver.resolve(HTTPInstrumentation.self),
                    redirects: settings.redirects ?? RedirectSettings())
            }
        }
    }

    /// Counts the API's token fetches under its base URL's host (none without a base URL).
    static func tokenFetchRecorder(
        _ instrumentation: HTTPInstrumentation, settings: APISettings, name: String?
    ) -> (@Sendable () -> Void)? {
        guard let url = try? baseURL(settings, name: name) else { return nil }
        let host = RequestURL.hostKey(url)
        return { instrumentation.recordTokenFetch(host: host) }
    }

    static func needsToken(_ settings: APISettings, name: String?, secrets: [String: Secret], required: Bool) -> Bool {
        required || settings.mentionsOAuth
            || AccessTokenConfiguration.secret("az-token", apiName: name, in: secrets) != nil
            || AccessTokenConfiguration.secret("client-secret", apiName: name, in: secrets) != nil
    }

    static func baseURL(_ settings: APISettings, name: String?) throws -> URL? {
        guard let text = settings.apiBaseURL?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host != nil, url.user == nil
        else {
            let key = "\(name.map { "apis.\($0)" } ?? "global").api-base-url"
            throw HelpfulError(
                code: .configInvalidURL,
                problem: "\(key) is not an http(s) URL without credentials: \(URL(string: text).map { RedactedURL.string($0, secrets: nil) } ?? "(not a URL)")",
                solution: "Set it to the API's root, e.g. https://api.example.com/v2/ (credentials belong in the secrets file)",
                example: "api-base-url: https://api.example.com/v2/",
                location: ErrorLocation(keyPath: key), exitCode: .configuration)
        }
        return url
    }
}
