/// The one retry loop in Runbook: ``RestClient`` runs every call's attempts through it and
/// ``withRetry(policy:clock:deadline:operation:logger:instrumentation:isRetryable:onRetry:_:)``
/// runs non-HTTP work through it.
///
/// Per attempt: stop when the deadline has passed, run the attempt, and on a failure ask
/// `classify` whether it is worth repeating. A repeat happens within the policy's `max-retries`,
/// after ``RetryPolicy/delay(forRetry:retryAfter:)``, and only when that delay still ends before
/// the deadline; `onRetry` hears of it before the wait.
struct RetryLoop: Sendable {
    /// What `classify` says about a failed attempt.
    enum Verdict {
        /// Not worth repeating: `error` is thrown (the attempt's error, or what it stands for).
        case stop(any Error)
        /// Worth repeating: `error` is what the call throws when it may not be repeated after all
        /// (retries used up, or the delay would end past the deadline), `retryAfter` replaces the
        /// computed backoff, `reason` names the retry in metrics (`503`, `timeout`).
        case retry(error: any Error, retryAfter: Duration?, reason: String)
    }

    /// Why the loop ended at the deadline, for `expired`.
    enum Expiry {
        /// The deadline had passed before attempt `attempts + 1` could start (after `lastError`, if any).
        case beforeAttempt(lastError: (any Error)?)
        /// The wait before the next attempt would end past the deadline; the last attempt failed with `error`.
        case beforeRetry(any Error)
    }

    let policy: RetryPolicy
    let clock: any RunbookClock
    /// The monotonic instant (``RunbookClock/monotonicNow()``) the work must finish by; nil: none.
    let deadline: Duration?
    /// Whether the first attempt runs even when the deadline has already passed.
    var alwaysAttemptOnce = false

    /// Runs `attempt` (given its 1-based number) until it succeeds or may not be repeated.
    /// - Parameters:
    ///   - classify: judges a failed attempt (given the error and the attempt's number).
    ///   - expired: the error to throw when the deadline ends the loop (given the attempts made).
    ///   - onRetry: hears of each retry (attempt number, the verdict's error, the delay, reason) before the wait.
    func run<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ attempt: (Int) async throws -> T,
        classify: (any Error, Int) -> Verdict,
        expired: (Expiry, Int) -> any Error,
        onRetry: (Int, any Error, Duration, String) -> Void
    ) async throws -> T {
        var number = 0
        var lastError: (any Error)?
        while true {
            number += 1
            if let deadline, deadline - clock.monotonicNow() <= .zero, number > 1 || !alwaysAttemptOnce {
                throw expired(.beforeAttempt(lastError: lastError), number - 1)
            }
            let failure: any Error
            do {
                return try await attempt(number)
            } catch {
                failure = error
            }
            let verdict = classify(failure, number)
            guard case .retry(let error, let retryAfter, let reason) = verdict else {
                if case .stop(let error) = verdict { throw error }
                throw failure
            }
            guard number <= policy.maxRetries else { throw error }
            let delay = policy.delay(forRetry: number, retryAfter: retryAfter)
            if let deadline, clock.monotonicNow() + delay >= deadline {
                throw expired(.beforeRetry(error), number)
            }
            lastError = error
            onRetry(number, error, delay, reason)
            try await clock.sleep(for: delay)
        }
    }

    /// `delay` in seconds with up to three decimals, for log lines.
    static func seconds(_ delay: Duration) -> String {
        let milliseconds = delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000
        return String(Double(milliseconds) / 1000)
    }
}
