/// `RB-HTTP-…`: calls to an API (`HTTPRequestError`, the circuit breaker, OAuth tokens).
/// Next free: RB-HTTP-024.
extension ErrorCode {
    /// RB-HTTP-001: The service rejected the request (HTTP 400).
    public static let httpBadRequest = ErrorCode(
        .http, 1, meaning: "The service rejected the request (HTTP 400)",
        fix: "Check the body and query parameters the service's message names")
    /// RB-HTTP-002: The service did not accept the credentials (HTTP 401).
    public static let httpUnauthorized = ErrorCode(
        .http, 2, meaning: "The service did not accept the credentials (HTTP 401)",
        fix: "Check `global.tenant-id`, `global.client-id`, `global.oauth-scope` and the client-secret (or `az-token`)")
    /// RB-HTTP-003: The credentials lack permission (HTTP 403).
    public static let httpForbidden = ErrorCode(
        .http, 3, meaning: "The credentials lack permission (HTTP 403)",
        fix: "Grant the application access to the resource, or use an account that has it")
    /// RB-HTTP-004: The resource does not exist (HTTP 404).
    public static let httpNotFound = ErrorCode(
        .http, 4, meaning: "The resource does not exist (HTTP 404)",
        fix: "Check the path, the id and `global.api-base-url`")
    /// RB-HTTP-005: The resource already exists or changed meanwhile (HTTP 409).
    public static let httpConflict = ErrorCode(
        .http, 5, meaning: "The resource already exists or changed meanwhile (HTTP 409)",
        fix: "Read it again and retry with its current ETag")
    /// RB-HTTP-006: The ETag sent in If-Match is stale (HTTP 412).
    public static let httpPreconditionFailed = ErrorCode(
        .http, 6, meaning: "The ETag sent in If-Match is stale (HTTP 412)",
        fix: "Read the resource again and retry with its current ETag")
    /// RB-HTTP-007: The service could not process the data (HTTP 422).
    public static let httpUnprocessable = ErrorCode(
        .http, 7, meaning: "The service could not process the data (HTTP 422)",
        fix: "Fix the fields the service's message names")
    /// RB-HTTP-008: The service is throttling (HTTP 429) and the retries are used up.
    public static let httpThrottled = ErrorCode(
        .http, 8, meaning: "The service is throttling (HTTP 429) and the retries are used up",
        fix: "Enable or lower `script-behavior.rate-limiting`, or allow more retries")
    /// RB-HTTP-009: The service failed (HTTP 5xx).
    public static let httpServerError = ErrorCode(
        .http, 9, meaning: "The service failed (HTTP 5xx)",
        fix: "Retry later; if it persists, give the service's owner the request id")
    /// RB-HTTP-010: The service answered with another error status.
    public static let httpOtherStatus = ErrorCode(
        .http, 10, meaning: "The service answered with another error status",
        fix: "Check the request against the API's documentation")
    /// RB-HTTP-011: The connection to the service failed.
    public static let httpTransport = ErrorCode(
        .http, 11, meaning: "The connection to the service failed",
        fix: "Check the network and `global.api-base-url` (host, port, scheme)")
    /// RB-HTTP-012: The service did not answer in time.
    public static let httpTimeout = ErrorCode(
        .http, 12, meaning: "The service did not answer in time",
        fix: "Retry later, or raise `script-behavior.api-timeouts.rest-timeout-seconds`")
    /// RB-HTTP-013: The call's deadline passed before an attempt succeeded.
    public static let httpDeadlineExceeded = ErrorCode(
        .http, 13, meaning: "The call's deadline passed before an attempt succeeded",
        fix: "Retry later, or raise the timeout; the error names the last status or error")
    /// RB-HTTP-014: An asynchronous operation did not finish within the wait.
    public static let httpAsyncTimeout = ErrorCode(
        .http, 14, meaning: "An asynchronous operation did not finish within the wait",
        fix: "Check the operation on the service side, or raise `script-behavior.api-timeouts.async-max-wait`")
    /// RB-HTTP-015: The service's response is not what the script expects.
    public static let httpInvalidResponse = ErrorCode(
        .http, 15, meaning: "The service's response is not what the script expects",
        fix: "Check that the path points at the expected API and that the response matches the decoded type")
    /// RB-HTTP-016: The request cannot be sent: its URL is invalid.
    public static let httpInvalidURL = ErrorCode(
        .http, 16, meaning: "The request cannot be sent: its URL is invalid",
        fix: "Check `global.api-base-url` and the path")
    /// RB-HTTP-017: The circuit breaker is open after repeated failures, so the call failed fast.
    public static let httpCircuitOpen = ErrorCode(
        .http, 17, meaning: "The circuit breaker is open after repeated failures, so the call failed fast",
        fix: "Check that the service is up; see `script-behavior.circuit-breaker`")
    /// RB-HTTP-018: The OAuth token request failed.
    public static let httpTokenRequestFailed = ErrorCode(
        .http, 18, meaning: "The OAuth token request failed",
        fix: "Check `global.tenant-id` (or `token-url`), `global.client-id`, `global.oauth-scope` and the client-secret")
    /// RB-HTTP-019: The response body is larger than the configured limit.
    public static let httpResponseTooLarge = ErrorCode(
        .http, 19, meaning: "The response body is larger than the configured limit (as received, or once decoded)",
        fix: "Ask for less (a smaller page, a filter), or raise `script-behavior.http.max-response-bytes` / `max-decoded-bytes`")
    /// RB-HTTP-020: The response body cannot be decoded (unknown or corrupt Content-Encoding).
    public static let httpUndecodableBody = ErrorCode(
        .http, 20, meaning: "The response body cannot be decoded (an unknown or corrupt Content-Encoding)",
        fix: "Ask the service for gzip or no compression, or set `script-behavior.http.compression: false`")
    /// RB-HTTP-021: A redirect was not followed by the API's redirect policy.
    public static let httpRedirectRefused = ErrorCode(
        .http, 21, meaning: "A redirect was not followed by the API's redirect policy",
        fix: "Point the request at the final URL, or change the API's `redirects` section (docs/http.md)")
    /// RB-HTTP-022: A proxy environment variable is not a usable proxy URL.
    public static let httpProxyVariableInvalid = ErrorCode(
        .http, 22, meaning: "An HTTP_PROXY / HTTPS_PROXY / NO_PROXY variable (or its lower-case form) is not usable",
        fix: "Set it to the proxy's http://host:port URL, or unset it (docs/http.md#proxies)")
    /// RB-HTTP-023: An API's proxy or TLS setting cannot be used.
    public static let httpNetworkSettingInvalid = ErrorCode(
        .http, 23, meaning: "An API's `proxy` or `tls` setting cannot be used (a bad URL, file, version or pin)",
        fix: "Correct the key the error names (docs/http.md#proxies, docs/http.md#tls)")
}
