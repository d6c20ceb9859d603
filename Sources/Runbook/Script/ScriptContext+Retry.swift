public import Logging

extension ScriptContext {
    /// Runs non-HTTP work with the run's retry policy (`script-behavior.retry-strategy` and
    /// `jitter`), the run's clock, logger and metrics: the same backoff, logging and counting as
    /// the REST clients' retries (see the free function ``withRetry(policy:clock:deadline:operation:logger:instrumentation:isolation:isRetryable:onRetry:_:)``).
    ///
    /// ```swift
    /// try await context.withRetry(operation: "sftp.example.com", isRetryable: { $0 is SFTPBusy }) { attempt in
    ///     try await sftp.upload(file, to: "/in/orders.csv")
    /// }
    /// ```
    /// - Parameters:
    ///   - operation: what is retried, in log lines and metrics (e.g. the server's `host:port`).
    ///   - deadline: the whole work's budget, every attempt and wait included (nil: none).
    public func withRetry<T>(
        operation: String = "operation",
        deadline: Duration? = nil,
        isolation: isolated (any Actor)? = #isolation,
        isRetryable: (any Error) -> Bool = { _ in true },
        onRetry: (_ attempt: Int, _ error: any Error, _ delay: Duration) -> Void = { _, _, _ in },
        _ body: (_ attempt: Int) async throws -> T
    ) async throws -> T {
        let behavior = (try? config.decode(HTTPBehaviorSettings.self, "script-behavior")) ?? HTTPBehaviorSettings()
        let random = (try? services.resolve((any RandomSource).self)) ?? SystemRandomSource()
        let policy = RetryPolicy(retry: behavior.retryStrategy, jitter: behavior.jitter, random: random)
        let instrumentation = try? services.resolve(HTTPInstrumentation.self)
        return try await Runbook.withRetry(
            policy: policy, clock: clock, deadline: deadline, operation: operation, logger: logger,
            instrumentation: instrumentation, isRetryable: isRetryable, onRetry: onRetry, body)
    }
}
