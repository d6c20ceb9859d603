public import Logging

/// Runs non-HTTP work (an SFTP upload, a database query, a file lock) with the same
/// ``RetryPolicy`` as the REST clients: backoff with jitter, `max-retries`, an optional deadline,
/// and the given clock (the run's, so tests wait on a manual clock). It is the loop the REST
/// clients run their attempts through.
///
/// `body` gets the 1-based attempt number. A failure is retried when `isRetryable` says so
/// (never a `CancellationError`, never once the task is cancelled), within `max-retries`, and when
/// the backoff still ends before `deadline` (measured from the call); otherwise the last error is
/// thrown as it is. Each retry is logged at INFO (the error's type and, for a ``HelpfulError``,
/// its problem), counted in `instrumentation` like an HTTP retry (under `operation` as the host,
/// the error type as the reason), and reported to `onRetry` (attempt, error, delay) before the wait.
///
/// ```swift
/// let rows = try await withRetry(policy: policy, clock: clock, operation: "erp-db",
///                                isRetryable: { $0 is DatabaseBusy }) { attempt in
///     try await database.query("SELECT …")
/// }
/// ```
///
/// In a script, ``ScriptContext/withRetry(operation:deadline:isRetryable:onRetry:_:)`` fills in
/// the run's policy, clock, logger and metrics.
public func withRetry<T>(
    policy: RetryPolicy,
    clock: any RunbookClock,
    deadline: Duration? = nil,
    operation: String = "operation",
    logger: Logger? = nil,
    instrumentation: HTTPInstrumentation? = nil,
    isolation: isolated (any Actor)? = #isolation,
    isRetryable: (any Error) -> Bool = { _ in true },
    onRetry: (_ attempt: Int, _ error: any Error, _ delay: Duration) -> Void = { _, _, _ in },
    _ body: (_ attempt: Int) async throws -> T
) async throws -> T {
    var loop = RetryLoop(policy: policy, clock: clock, deadline: deadline.map { clock.monotonicNow() + $0 })
    loop.alwaysAttemptOnce = true
    return try await loop.run(body, classify: { error, _ in
        if error is CancellationError || Task.isCancelled || !isRetryable(error) { return .stop(error) }
        return .retry(error: error, retryAfter: nil, reason: String(describing: type(of: error)))
    }, expired: { expiry, _ in
        switch expiry {
        case .beforeAttempt(let lastError): lastError ?? CancellationError()
        case .beforeRetry(let error): error
        }
    }, onRetry: { attempt, error, delay, reason in
        let shown = (error as? any HelpfulErrorConvertible).map { ": \($0.helpfulError.problem)" } ?? ""
        logger?.info("\(operation) attempt \(attempt) failed with \(reason)\(shown); retry \(attempt) of \(policy.maxRetries) in \(RetryLoop.seconds(delay)) s")
        if let instrumentation {
            instrumentation.recordRetry(host: operation, reason: reason)
        }
        onRetry(attempt, error, delay)
    })
}
