/// A redirect the client refused to follow, by the API's `redirects` policy (docs/http.md). The
/// redirect response is attached as it came.
public struct RedirectError: Error, Sendable, HelpfulErrorConvertible {
    /// Why the redirect was not followed.
    public enum Kind: String, Sendable {
        /// The target is on another scheme, host or port and `cross-origin` is false.
        case crossOrigin
        /// A 307/308 (or 301/302 after PUT, PATCH, DELETE) would resend a request that may not be repeated.
        case notRepeatable
        /// More than `max` redirects in one call (a loop, or a long chain).
        case tooMany
        /// The `Location` is not an http(s) URL.
        case unsupportedLocation
    }

    /// Why.
    public var kind: Kind
    /// The method of the redirected request.
    public var method: String
    /// The URL that answered with the redirect (redacted).
    public var from: String
    /// The `Location` it pointed to (redacted).
    public var to: String
    /// The redirect status.
    public var status: Int
    /// The `max` that applied.
    public var max: Int
    /// The redirect response.
    public var response: RestResponse

    /// The error as the user sees it.
    public var helpfulError: HelpfulError {
        let head = "\(method) \(from) answered \(status) → \(to)"
        let problem: String
        var solution: String
        var example = "apis:\n  erp:\n    redirects:\n      follow: true\n      max: 5\n      cross-origin: false"
        switch kind {
        case .crossOrigin:
            problem = "\(head): not followed, it leads to another origin (scheme, host or port)"
            solution = "Point api-base-url at the final location, or allow it with redirects.cross-origin: true "
                + "(Authorization and Cookie are still never sent there)"
            example = "global:\n  redirects:\n    cross-origin: true"
        case .notRepeatable:
            problem = "\(head): not followed, it would send the \(method) and its body again, and a \(method) may not be repeated"
            solution = "Send it to the final URL, or give it an Idempotency-Key (or retryNonIdempotent) if repeating it is safe"
        case .tooMany:
            problem = "\(head): more than \(max) redirects in one call (a redirect loop?)"
            solution = "Check the URL and the service's redirects; raise redirects.max if the chain is expected"
        case .unsupportedLocation:
            problem = "\(head): the Location is not an http(s) URL"
            solution = "Ask the service owner; turn redirects off with redirects.follow: false to see the response as it is"
        }
        return HelpfulError(code: .httpRedirectRefused, problem: problem, solution: solution, example: example,
                            location: ErrorLocation(url: from), exitCode: .scriptFailed)
    }
}
