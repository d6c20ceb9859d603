extension HTTPRequestError: HelpfulErrorConvertible {
    /// The error as the user sees it: problem with method, URL, status, service message and
    /// request id; a solution chosen by status.
    public var helpfulError: HelpfulError {
        HelpfulError(
            code: code,
            problem: problem, solution: hint.solution, example: hint.example,
            location: ErrorLocation(url: url), details: details, exitCode: exitCode)
    }

    /// 75 (temporary failure) when the call gave up on something that may pass later: a retryable
    /// status (408, 429, 5xx that ``RetryPolicy`` retries) after the retries were used up, a
    /// transport error (not a refused TLS certificate or an unsupported URL), a timeout, or the call's
    /// deadline; 1 for everything else.
    public var exitCode: ExitCode {
        switch kind {
        case .transport, .timeout, .deadlineExceeded:
            return isPermanent ? .scriptFailed : .temporaryFailure
        case .status:
            return RetryPolicy.retryableStatuses.contains(status ?? 0) ? .temporaryFailure : .scriptFailed
        case .asyncTimeout, .invalidResponse, .invalidURL:
            return .scriptFailed
        }
    }

    /// The stable code of this kind of failure: one per error status the solution is chosen by
    /// (400, 401, 403, 404, 409, 412, 422, 429, 5xx, any other) and one per other kind.
    public var code: ErrorCode {
        switch kind {
        case .status: Self.statusCode(status ?? 0)
        case .transport: .httpTransport
        case .timeout: .httpTimeout
        case .deadlineExceeded: .httpDeadlineExceeded
        case .asyncTimeout: .httpAsyncTimeout
        case .invalidResponse: .httpInvalidResponse
        case .invalidURL: .httpInvalidURL
        }
    }

    static func statusCode(_ status: Int) -> ErrorCode {
        switch status {
        case 400: .httpBadRequest
        case 401: .httpUnauthorized
        case 403: .httpForbidden
        case 404: .httpNotFound
        case 409: .httpConflict
        case 412: .httpPreconditionFailed
        case 422: .httpUnprocessable
        case 429: .httpThrottled
        case 500...599: .httpServerError
        default: .httpOtherStatus
        }
    }

    var problem: String {
        var text = "\(method) \(url) "
        switch kind {
        case .status:
            text += "failed with HTTP \(status ?? 0)"
        case .transport:
            text += "failed: \(detail ?? "connection failed")"
        case .timeout:
            text += "timed out: \(detail ?? "no response in time")"
        case .deadlineExceeded:
            text += "gave up: the call's deadline passed"
            if let status {
                text += " (last status HTTP \(status))"
            } else if let detail {
                text += " (last error: \(detail))"
            }
        case .asyncTimeout:
            text += "did not finish: \(detail ?? "the async operation is still running")"
        case .invalidResponse:
            text += "returned an unexpected response: \(detail ?? "unreadable body")"
        case .invalidURL:
            text += "cannot be sent: \(detail ?? "invalid URL")"
        }
        if let serviceMessage { text += ": \(serviceMessage)" }
        if let requestID { text += " (request id \(requestID))" }
        return text
    }

    var details: [String] {
        attempts > 1 ? ["attempts: \(attempts)"] : []
    }

    private var hint: (solution: String, example: String?) {
        switch kind {
        case .timeout, .deadlineExceeded:
            return ("The service is slow or unreachable: retry later, or raise the timeout",
                    "script-behavior:\n  api-timeouts:\n    rest-timeout-seconds: 120")
        case .asyncTimeout:
            return ("The operation may still finish on the service side: check it, or raise the async wait",
                    "script-behavior:\n  api-timeouts:\n    async-max-wait: 900")
        case .transport:
            return ("Check the network and global.api-base-url (host, port, scheme)", nil)
        case .invalidResponse:
            return ("Check that the path points at the API you expect and that the response matches the type you decode", nil)
        case .invalidURL:
            return ("Check global.api-base-url and the path", "global:\n  api-base-url: https://api.example.com/v2/")
        case .status:
            return Self.statusHint(status ?? 0)
        }
    }

    static func statusHint(_ status: Int) -> (solution: String, example: String?) {
        switch status {
        case 400:
            return ("The service rejected the request: check the body and query parameters it names", nil)
        case 401:
            return ("Check the credentials: global.tenant-id, global.client-id, global.oauth-scope and the "
                + "client-secret in the secrets file (or az-token)", nil)
        case 403:
            return ("The credentials are valid but lack permission: grant the application access to this resource "
                + "or use an account that has it", nil)
        case 404:
            return ("Check the path and the id, and global.api-base-url", nil)
        case 407:
            return ("The proxy asks for credentials: set the proxy's user (proxy.user, or the user part of its URL) "
                + "and its password as the proxy-password secret", "global:\n  proxy:\n    user: alice\nsecrets file:\n  proxy-password: \"…\"")
        case 409:
            return ("The resource already exists or changed meanwhile: read it again and retry with its current ETag", nil)
        case 412:
            return ("The ETag sent in If-Match is stale: read the resource again and retry with its current ETag", nil)
        case 422:
            return ("The service could not process the data: fix the fields its message names", nil)
        case 429:
            return ("The service is throttling: enable or lower the rate limit, or allow more retries",
                    "script-behavior:\n  rate-limiting:\n    enabled: true\n    calls-per-second: 2")
        case 500...599:
            return ("The service failed: retry later; if it persists, give its owner the request id", nil)
        default:
            return ("Check the request against the API's documentation", nil)
        }
    }
}
