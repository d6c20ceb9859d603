import Foundation
import HTTPTypes
import Logging
import RunbookTransport

extension RestClient {
    /// One call: attempts with retry, each through the host's rate limiter and circuit breaker.
    ///
    /// Per attempt: wait for the limiter, ask the breaker, send with the per-attempt timeout
    /// (``attemptTimeout(for:)``, cut to what is left of the call's deadline), decode the body, classify. A retry
    /// happens only for retryable outcomes, within `max-retries`, for a method that may be
    /// repeated, and when its delay still ends before the deadline.
    func execute(_ request: RestRequest, url: URL) async throws -> RestResponse {
        let host = RequestURL.hostKey(url)
        guard let instrumentation else { return try await attempts(request, url: url, host: host, call: nil) }
        let started = clock.monotonicNow()
        let call = instrumentation.startCall(method: request.method.rawValue, host: host, redactedURL: traceURL(url))
        do {
            let response = try await attempts(request, url: url, host: host, call: call)
            call.end(status: response.status.code, error: nil, duration: clock.monotonicNow() - started)
            return response
        } catch {
            call.end(status: (error as? HTTPRequestError)?.status, error: error, duration: clock.monotonicNow() - started)
            throw error
        }
    }

    /// The attempts of one call to `host` (its ``RequestURL/hostKey(_:)``), each reported to `call`
    /// when there is one, run by the one ``RetryLoop``.
    private func attempts(
        _ request: RestRequest, url: URL, host: String, call: HTTPCallObservation?
    ) async throws -> RestResponse {
        let method = request.method.rawValue
        let perAttempt = attemptTimeout(for: request)
        let deadline = clock.monotonicNow() + (request.deadline ?? callBudget(perAttempt: perAttempt))
        let limiter = resilience.limiter(for: host)
        let breaker = resilience.breaker(for: host)
        let mayRetry = retryPolicy.mayRetry(
            method: request.method, headerFields: request.headerFields, optIn: request.retryNonIdempotent)
        let loop = RetryLoop(policy: retryPolicy, clock: clock, deadline: deadline)
        return try await loop.run({ attempt in
            try await self.attempt(
                attempt, request, url: url, timeout: min(perAttempt, deadline - self.clock.monotonicNow()),
                mayRetry: mayRetry, limiter: limiter, breaker: breaker, call: call)
        }, classify: { error, _ in
            guard let failure = error as? RetryableAttempt else { return .stop(error) }
            return .retry(error: failure.error, retryAfter: failure.retryAfter, reason: failure.reason)
        }, expired: { expiry, attempts in
            switch expiry {
            case .beforeAttempt:
                return HTTPRequestError(kind: .deadlineExceeded, method: method, url: self.redacted(url), attempts: attempts)
            case .beforeRetry(let error):
                guard var error = error as? HTTPRequestError else { return error }
                error.kind = .deadlineExceeded
                return error
            }
        }, onRetry: { _, _, _, reason in
            call?.retrying(reason: reason)
        })
    }

    /// A failed attempt worth repeating: `error` is what the call throws if it may not be.
    private struct RetryableAttempt: Error {
        let error: HTTPRequestError
        let retryAfter: Duration?
        /// `503`, `timeout`, `transport`.
        let reason: String
    }

    /// One attempt: wait for the limiter, ask the breaker, send, classify. Returns the response
    /// below 400; throws ``RetryableAttempt`` for a failure worth repeating, anything else to end the call.
    private func attempt(
        _ attempt: Int, _ request: RestRequest, url: URL, timeout: Duration, mayRetry: Bool,
        limiter: TokenBucket?, breaker: CircuitBreaker?, call: HTTPCallObservation?
    ) async throws -> RestResponse {
        let method = request.method.rawValue
        if let limiter {
            let waited = try await limiter.acquire()
            if waited > .zero { call?.waitedForRateLimit(waited) }
        }
        let permit: CircuitBreaker.Permit?
        do {
            permit = try breaker?.admit()
        } catch {
            call?.rejectedByCircuitBreaker()
            throw error
        }
        let started = clock.monotonicNow()
        let observed = call?.startAttempt(attempt)
        let outcome: Result<HTTPTransportResponse, HTTPTransportError>
        do {
            let limits = HTTPExchangeLimits(
                maximumBodyBytes: max(behavior.http.maxResponseBytes, 1),
                downloadAllowancePerMiB: request.timeout == nil ? perMiBAllowance : .zero)
            outcome = .success(try await HTTPExchangeLimits.$current.withValue(limits) {
                try await sendAuthorized(request, url: url, timeout: timeout, limiter: limiter, attempt: observed)
            })
        } catch let error as HTTPTransportError {
            outcome = .failure(error)
        } catch {
            if let permit { breaker?.record(.abandoned, for: permit) }
            observed?.end(status: nil, failure: nil, duration: clock.monotonicNow() - started,
                          bytesSent: 0, bytesReceived: 0)
            if var error = error as? ResponseBodyError {
                error.request = "\(method) \(redacted(url))"
                throw error
            }
            throw error
        }
        if let observed {
            let response = try? outcome.get()
            var failure: HTTPTransportError?
            if case .failure(let error) = outcome { failure = error }
            observed.end(status: response?.status.code, failure: failure, duration: clock.monotonicNow() - started,
                         bytesSent: request.body?.count ?? 0, bytesReceived: response?.body.count ?? 0)
        }
        switch outcome {
        case .success(let received):
            let code = received.status.code
            if let permit, breaker?.record(code >= 500 ? .failure : .success, for: permit) == true {
                call?.openedCircuitBreaker()
            }
            logger.debug("\(method) \(redacted(url)) attempt \(attempt) → \(code) in \(milliseconds(since: started)) ms")
            let response = try decodedBody(received, method: method, url: url)
            guard code >= 400 else {
                return RestResponse(status: response.status, headerFields: response.head.headerFields,
                                    body: response.body, url: url, method: request.method)
            }
            let error = statusError(response, request: request, url: url, attempts: attempt)
            guard retryPolicy.mayRetry(status: code, request: mayRetry) else { throw error }
            throw RetryableAttempt(
                error: error, retryAfter: RetryPolicy.retryAfter(response.head.headerFields[.retryAfter], now: clock.now()),
                reason: String(code))
        case .failure(let failure):
            if let permit, breaker?.record(.failure, for: permit) == true { call?.openedCircuitBreaker() }
            logger.debug("\(method) \(redacted(url)) attempt \(attempt) → \(failure.message) after \(milliseconds(since: started)) ms")
            let error = transportError(failure, method: method, url: url, attempts: attempt)
            // A refused certificate or an unusable URL fails the same way every time: no retry.
            let permanent = failure.kind == .tlsFailed || failure.kind == .unsupportedURL
            if permanent || !mayRetry { throw error }
            throw RetryableAttempt(error: error, retryAfter: nil, reason: failure.kind == .timedOut ? "timeout" : "transport")
        }
    }

    func statusError(_ response: HTTPTransportResponse, request: RestRequest, url: URL, attempts: Int) -> HTTPRequestError {
        let fields = response.head.headerFields
        let message = ServiceErrorDetails.message(in: response.body, contentType: fields[.contentType])
        return HTTPRequestError(
            kind: .status, method: request.method.rawValue, url: redacted(url), status: response.status.code,
            serviceMessage: message.map { RedactedURL.mask($0, secrets: secretRegistry) },
            requestID: ServiceErrorDetails.requestID(in: fields), attempts: attempts,
            responseHeaderFields: fields, responseBody: response.body)
    }

    private func transportError(_ error: HTTPTransportError, method: String, url: URL, attempts: Int) -> HTTPRequestError {
        var failure = HTTPRequestError(
            kind: error.kind == .timedOut ? .timeout : .transport, method: method, url: redacted(url),
            attempts: attempts, detail: RedactedURL.mask(error.message, secrets: secretRegistry))
        failure.isPermanent = error.kind == .tlsFailed || error.kind == .unsupportedURL
        return failure
    }

    /// The URL for `url.full`: secrets masked, every query value replaced by `REDACTED`.
    func traceURL(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return redacted(url) }
        if let items = parts.queryItems, !items.isEmpty {
            parts.queryItems = items.map { URLQueryItem(name: $0.name, value: $0.value == nil ? nil : "REDACTED") }
        }
        return parts.url.map(redacted) ?? redacted(url)
    }

    private func milliseconds(since start: Duration) -> Int64 {
        let elapsed = clock.monotonicNow() - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }
}
