public import Foundation
public import HTTPTypes
public import Logging

/// A resilient REST/OData client: base URL, relative paths, query items, JSON bodies via
/// `Codable`, raw responses, and, on every call, the run's rate limiter, circuit breaker,
/// retry policy, OAuth token (refreshed once on `401`), gzip/deflate decoding within size limits,
/// the API's redirect policy and `202 Accepted` polling (docs/http.md).
///
/// Scripts get it from the service container (see ``HTTPServices``):
///
/// ```swift
/// let api = try context.services.resolve(RestClient.self)          // global.api-base-url
/// let erp = try context.services.resolve(RestClient.self, name: "erp")   // apis.erp
/// let customers = try await api.get("customers", query: ["$top": "10"]).decode(CustomerPage.self)
/// try await api.patch("customers(42)", json: update, ifMatch: etag)
/// ```
///
/// With an ``HTTPInstrumentation`` (every run's clients have the run's), each call and attempt is
/// counted, timed and traced (docs/observability.md).
///
/// Every failure is an ``HTTPRequestError`` (or ``CircuitOpenError``), both `HelpfulErrorConvertible`.
/// The bearer token is sent only to the base URL's scheme, host and port.
public struct RestClient: Sendable {
    /// The base URL relative paths are appended to (nil: every path must be absolute).
    public let baseURL: URL?
    /// Header fields sent with every request (`Accept: application/json`, a `User-Agent`).
    public var defaultHeaderFields: HTTPFields
    /// The overall budget per call when the request sets none: 10 × `rest-timeout-seconds`.
    public var callDeadline: Duration
    /// How 3xx responses are followed (the API's `redirects` section, see docs/http.md).
    public var redirects: RedirectSettings

    let transport: any HTTPTransport
    let behavior: HTTPBehaviorSettings
    let retryPolicy: RetryPolicy
    let resilience: HostResilience
    let tokenProvider: (any AccessTokenProvider)?
    let clock: any RunbookClock
    let logger: Logger
    let secretRegistry: SecretRegistry?
    /// Metrics and traces of every call (nil: none recorded). The run's clients share the run's.
    public let instrumentation: HTTPInstrumentation?

    /// Creates a client. Clients that share `resilience` share its per-host limiters and breakers.
    public init(
        baseURL: URL?,
        transport: any HTTPTransport,
        behavior: HTTPBehaviorSettings = HTTPBehaviorSettings(),
        tokenProvider: (any AccessTokenProvider)? = nil,
        clock: any RunbookClock = SystemClock(),
        logger: Logger = Logger(label: "runbook.http"),
        resilience: HostResilience? = nil,
        random: any RandomSource = SystemRandomSource(),
        secretRegistry: SecretRegistry? = nil,
        instrumentation: HTTPInstrumentation? = nil,
        redirects: RedirectSettings = RedirectSettings()
    ) {
        self.redirects = redirects
        self.instrumentation = instrumentation
        self.baseURL = baseURL
        self.transport = transport
        self.behavior = behavior
        self.tokenProvider = tokenProvider
        self.clock = clock
        self.logger = logger
        self.secretRegistry = secretRegistry
        self.resilience = resilience ?? HostResilience(behavior: behavior, clock: clock)
        retryPolicy = RetryPolicy(retry: behavior.retryStrategy, jitter: behavior.jitter, random: random)
        defaultHeaderFields = [.accept: "application/json", .userAgent: "runbook/1.0"]
        callDeadline = .seconds(10 * max(behavior.apiTimeouts.restTimeoutSeconds, 1))
    }

    /// Sends a request: resilience, OAuth, redirects, async polling. Returns any non-error response
    /// (1xx–3xx); an error status throws ``HTTPRequestError``.
    public func send(_ request: RestRequest) async throws -> RestResponse {
        guard let url = RequestURL.make(base: baseURL, path: request.path, query: request.query) else {
            let shown = RedactedURL.unparsable(request.path, secrets: secretRegistry)
            throw HTTPRequestError(
                kind: .invalidURL, method: request.method.rawValue, url: shown,
                detail: request.path.contains("://")
                    ? "'\(shown)' is not a valid http(s) URL"
                    : baseURL.map { "'\(shown)' does not form a valid URL with \(redacted($0))" }
                        ?? "'\(shown)' is not an absolute URL and no api-base-url is configured")
        }
        let response = try await followRedirects(request, url: url, response: try await execute(request, url: url))
        guard request.followsAsyncOperation else { return response }
        return try await finishAsyncOperation(request, response: response)
    }

    /// The URL as it may be shown.
    func redacted(_ url: URL) -> String {
        RedactedURL.string(url, secrets: secretRegistry)
    }
}
