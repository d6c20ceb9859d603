import Foundation
import HTTPTypes
import Logging

extension RestClient {
    /// The statuses that are redirects to follow.
    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Follows `response` while it is a redirect, by the client's ``redirects`` policy:
    ///
    /// - GET and HEAD follow every redirect status with the same method.
    /// - 303 (any method), and 301/302 after a POST, continue as GET without a body.
    /// - 307/308 (and 301/302 after PUT, PATCH, DELETE…) keep the method and body only when the
    ///   request may be repeated (``RetryPolicy/mayRetry(method:headerFields:optIn:)``).
    /// - The target must share the original request's scheme, host and port unless
    ///   `cross-origin: true`; `Authorization` and `Cookie` never go to another origin.
    /// - At most `max` redirects per call; every refusal is a ``RedirectError``.
    func followRedirects(_ request: RestRequest, url: URL, response first: RestResponse) async throws -> RestResponse {
        guard redirects.follow, Self.redirectStatuses.contains(first.status.code) else { return first }
        var response = first
        var current = request
        var currentURL = url
        var hops = 0
        while Self.redirectStatuses.contains(response.status.code) {
            guard let location = response.headerFields[.location],
                  let target = RequestURL.resolve(location, against: currentURL)
            else { return response }
            let code = response.status.code
            func refuse(_ kind: RedirectError.Kind) -> RedirectError {
                RedirectError(kind: kind, method: current.method.rawValue, from: redacted(currentURL), to: redacted(target),
                              status: code, max: redirects.max, response: response)
            }
            guard ["http", "https"].contains(target.scheme?.lowercased() ?? "") else { throw refuse(.unsupportedLocation) }
            guard hops < max(redirects.max, 0) else { throw refuse(.tooMany) }
            let crossing = !Self.sameOrigin(target, url)
            if crossing && !redirects.crossOrigin { throw refuse(.crossOrigin) }
            var next = current
            next.path = target.absoluteString
            next.query = []
            let becomesGET = code == 303 || ((code == 301 || code == 302) && current.method == .post)
            if current.method == .get || current.method == .head {
                // Same method, no body.
            } else if becomesGET {
                next.method = .get
                next.body = nil
                next.headerFields[.contentType] = nil
                next.headerFields[.contentLength] = nil
            } else if !retryPolicy.mayRetry(method: current.method, headerFields: current.headerFields,
                                            optIn: current.retryNonIdempotent) {
                throw refuse(.notRepeatable)
            }
            if crossing {
                next.headerFields[.authorization] = nil
                next.headerFields[.cookie] = nil
            }
            hops += 1
            logger.debug("\(current.method.rawValue) \(redacted(currentURL)) → \(code): following to \(redacted(target)) as \(next.method.rawValue) (redirect \(hops) of at most \(redirects.max))")
            response = try await execute(next, url: target)
            current = next
            currentURL = target
        }
        return response
    }

    /// Whether `a` and `b` share scheme, host and port (the default port when none is written).
    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func origin(_ url: URL) -> String {
            let scheme = url.scheme?.lowercased() ?? ""
            let port = url.port ?? (scheme == "https" ? 443 : 80)
            return "\(scheme)://\((url.host ?? "").lowercased()):\(port)"
        }
        return origin(a) == origin(b)
    }
}
