import Foundation
import HTTPTypes
import Logging
import RunbookTransport

extension RestClient {
    /// Sends with the bearer token; on `401` refreshes the token once and resends, within what
    /// is left of the attempt's `timeout` (one attempt never takes longer, resend included).
    func sendAuthorized(
        _ request: RestRequest, url: URL, timeout: Duration, limiter: TokenBucket?, attempt: HTTPAttemptObservation?
    ) async throws -> HTTPTransportResponse {
        var fields = defaultHeaderFields
        for field in request.headerFields {
            fields[field.name] = request.headerFields[field.name]
        }
        attempt?.inject(into: &fields)
        if behavior.http.compression && fields[.acceptEncoding] == nil { fields[.acceptEncoding] = "gzip, deflate" }
        if request.body != nil && fields[.contentType] == nil { fields[.contentType] = "application/json" }
        guard let tokenProvider, sharesOrigin(url) else {
            return try await transport.send(HTTPRequest(method: request.method, url: url, headerFields: fields),
                                            body: request.body, timeout: timeout)
        }
        let token = try await tokenProvider.token()
        let attemptEnd = clock.monotonicNow() + timeout
        fields[.authorization] = "Bearer \(token)"
        let response = try await transport.send(HTTPRequest(method: request.method, url: url, headerFields: fields),
                                                body: request.body, timeout: timeout)
        guard response.status.code == 401 else { return response }
        logger.debug("\(request.method.rawValue) \(redacted(url)) → 401: refreshing the access token once")
        await tokenProvider.invalidate(token)
        let fresh = try await tokenProvider.token()
        fields[.authorization] = "Bearer \(fresh)"
        try await limiter?.acquire()
        let left = attemptEnd - clock.monotonicNow()
        guard left > .zero else {
            throw HTTPTransportError(.timedOut, "no time left in the attempt to resend with a fresh access token")
        }
        return try await transport.send(HTTPRequest(method: request.method, url: url, headerFields: fields),
                                        body: request.body, timeout: left)
    }

    /// Whether `url` is on the base URL's host and port: the bearer token goes nowhere else
    /// (an absolute `nextLink`, `Location` or path pointing at another host gets no token).
    func sharesOrigin(_ url: URL) -> Bool {
        guard let baseURL else { return true }
        return RequestURL.hostKey(url) == RequestURL.hostKey(baseURL) && url.scheme?.lowercased() == baseURL.scheme?.lowercased()
    }
}
