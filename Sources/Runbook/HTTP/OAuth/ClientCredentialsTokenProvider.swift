public import Foundation
import HTTPTypes
public import Logging
import RunbookTransport

/// OAuth 2.0 client credentials: POSTs `grant_type=client_credentials` with the client id,
/// secret and scope to the token endpoint, caches the token until 60 s before it expires, and
/// fetches at most one token at a time however many requests ask at once (single-flight).
/// A transient failure of the token endpoint (transport error, 429, 5xx) is retried twice.
/// Every token is registered in the run's `SecretRegistry`, so it is redacted everywhere.
///
/// ```swift
/// let provider = ClientCredentialsTokenProvider(
///     tokenURL: URL(string: "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0/token")!,
///     clientID: clientID, clientSecret: secret, scope: "https://api.example.com/.default",
///     transport: transport, clock: clock, secretRegistry: registry)
/// let token = try await provider.token()
/// ```
public actor ClientCredentialsTokenProvider: AccessTokenProvider {
    struct CachedToken: Sendable {
        let value: String
        let refreshAt: Duration
    }

    /// The token endpoint.
    public let tokenURL: URL
    private let clientID: String
    private let clientSecret: Secret
    private let scope: String
    private let transport: any HTTPTransport
    private let clock: any RunbookClock
    private let secretRegistry: SecretRegistry?
    private let logger: Logger
    private let timeout: Duration
    private let onTokenFetch: (@Sendable () -> Void)?
    private var cached: CachedToken?
    private var inFlight: Task<CachedToken, any Error>?

    /// Creates a provider; nothing is fetched until the first ``token()``. `onTokenFetch` is called
    /// once per token request sent (the run counts them in `runbook_http_token_fetches_total`).
    public init(
        tokenURL: URL, clientID: String, clientSecret: Secret, scope: String, transport: any HTTPTransport,
        clock: any RunbookClock, secretRegistry: SecretRegistry? = nil,
        logger: Logger = Logger(label: "runbook.http.oauth"), timeout: Duration = .seconds(30),
        onTokenFetch: (@Sendable () -> Void)? = nil
    ) {
        self.onTokenFetch = onTokenFetch
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
        self.transport = transport
        self.clock = clock
        self.secretRegistry = secretRegistry
        self.logger = logger
        self.timeout = timeout
        secretRegistry?.register(clientSecret)
    }

    /// A valid token.
    public func token() async throws -> String {
        if let cached, clock.monotonicNow() < cached.refreshAt { return cached.value }
        if let inFlight { return try await inFlight.value.value }
        // The task runs on this actor: it publishes the token and clears `inFlight` before any
        // waiter resumes, so nobody can pick up a finished fetch's stale result.
        let task = Task { () async throws -> CachedToken in
            defer { inFlight = nil }
            let fresh = try await fetch()
            cached = fresh
            return fresh
        }
        inFlight = task
        return try await task.value.value
    }

    /// Forgets `token` if it is still the current one.
    public func invalidate(_ token: String) {
        if cached?.value == token { cached = nil }
    }

    private func fetch() async throws -> CachedToken {
        let form = [("grant_type", "client_credentials"), ("client_id", clientID),
                    ("client_secret", clientSecret.reveal()), ("scope", scope)]
            .map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(method: .post, url: tokenURL, headerFields: [
            .contentType: "application/x-www-form-urlencoded", .accept: "application/json",
        ])
        logger.debug("requesting an access token from \(tokenURL.absoluteString)")
        onTokenFetch?()
        let response = try await post(request, body: Data(form.utf8))
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard response.status.code == 200 else {
            let reason = [object?["error"] as? String, object?["error_description"] as? String]
                .compactMap { $0 }.joined(separator: ": ")
            throw failure("HTTP \(response.status.code)" + (reason.isEmpty ? "" : ": \(reason)"))
        }
        guard let value = object?["access_token"] as? String, !value.isEmpty else {
            throw failure("the response has no access_token")
        }
        secretRegistry?.register(value)
        let lifetime = (object?["expires_in"] as? Int) ?? Int(object?["expires_in"] as? String ?? "") ?? 3600
        logger.debug("access token acquired, valid for \(lifetime) s")
        return CachedToken(value: value, refreshAt: clock.monotonicNow() + .seconds(max(lifetime - 60, 0)))
    }

    /// Sends the token request; a transport failure, 429 or 5xx is tried up to 3 times in all,
    /// waiting `Retry-After` or 1 s, then 2 s (on the injected clock).
    private func post(_ request: HTTPRequest, body: Data) async throws -> HTTPTransportResponse {
        var attempt = 1
        while true {
            do {
                let response = try await transport.send(request, body: body, timeout: timeout)
                let code = response.status.code
                guard attempt < 3, code == 429 || code >= 500 else { return response }
                let wait = RetryPolicy.retryAfter(response.head.headerFields[.retryAfter], now: clock.now())
                try await clock.sleep(for: wait ?? .seconds(attempt))
            } catch let error as HTTPTransportError {
                guard attempt < 3 else { throw failure("the token endpoint could not be reached (\(error.message))") }
                try await clock.sleep(for: .seconds(attempt))
            }
            attempt += 1
        }
    }

    private func failure(_ reason: String) -> HelpfulError {
        HelpfulError(
            code: .httpTokenRequestFailed,
            problem: RedactedURL.mask("Token request to \(tokenURL.absoluteString) failed: \(reason)", secrets: secretRegistry),
            solution: "Check global.tenant-id (or global.token-url), global.client-id, global.oauth-scope and the "
                + "client-secret in the secrets file; or add an az-token secret as a fallback",
            example: "global:\n  tenant-id: 00000000-0000-0000-0000-000000000000\n  client-id: my-app\n"
                + "  oauth-scope: https://api.example.com/.default",
            location: ErrorLocation(url: tokenURL.absoluteString),
            exitCode: .scriptFailed)
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
