import Foundation
import HTTPTypes
import Logging

extension RestClient {
    /// Finishes a long-running operation.
    ///
    /// A `202 Accepted` with `Location` (absolute, or relative to the request URL) is polled with
    /// GET, waiting `Retry-After` or `api-timeouts.async-poll-interval` between polls (no jitter:
    /// the service or the config chose the interval), until a poll answers 200/201/204 (done),
    /// or 303 (done: the result is at its `Location`, fetched with GET), or the total wait would
    /// pass `api-timeouts.async-max-wait` (``HTTPRequestError`` kind `.asyncTimeout`). A direct
    /// 303 is followed the same way. A 202 without `Location` is returned as it is.
    func finishAsyncOperation(_ request: RestRequest, response first: RestResponse) async throws -> RestResponse {
        switch first.status.code {
        case 303:
            return try await followSeeOther(first)
        case 202:
            break
        default:
            return first
        }
        guard let location = first.headerFields[.location],
              var pollURL = RequestURL.resolve(location, against: first.url)
        else {
            logger.warning("\(request.method.rawValue) \(redacted(first.url)) 202 response has no Location header: returning it as it is")
            return first
        }
        let started = clock.monotonicNow()
        let maxWait = Duration.seconds(max(behavior.apiTimeouts.asyncMaxWait, 1))
        let interval = Duration.seconds(max(behavior.apiTimeouts.asyncPollInterval, 1))
        logger.info("\(request.method.rawValue) \(redacted(first.url)) async operation started, polling \(redacted(pollURL))")
        var response = first
        var polls = 0
        while true {
            let wait = RetryPolicy.retryAfter(response.headerFields[.retryAfter], now: clock.now()) ?? interval
            if clock.monotonicNow() - started + wait > maxWait {
                throw HTTPRequestError(
                    kind: .asyncTimeout, method: request.method.rawValue, url: redacted(first.url), status: 202,
                    attempts: polls, detail: "still running after \(polls) polls of \(redacted(pollURL)); "
                        + "api-timeouts.async-max-wait is \(behavior.apiTimeouts.asyncMaxWait) s")
            }
            try await clock.sleep(for: wait)
            polls += 1
            var poll = RestRequest(method: .get, path: pollURL.absoluteString)
            poll.followsAsyncOperation = false
            response = try await execute(poll, url: pollURL)
            switch response.status.code {
            case 202:
                if let next = response.headerFields[.location], let nextURL = RequestURL.resolve(next, against: pollURL) {
                    pollURL = nextURL
                }
                continue
            case 303:
                logger.info("\(request.method.rawValue) \(redacted(first.url)) async operation completed after \(polls) polls")
                return try await followSeeOther(response)
            default:
                logger.info("\(request.method.rawValue) \(redacted(first.url)) async operation completed after \(polls) polls")
                return response
            }
        }
    }

    private func followSeeOther(_ response: RestResponse) async throws -> RestResponse {
        guard let location = response.headerFields[.location],
              let target = RequestURL.resolve(location, against: response.url)
        else { return response }
        var request = RestRequest(method: .get, path: target.absoluteString)
        request.followsAsyncOperation = false
        return try await execute(request, url: target)
    }
}
