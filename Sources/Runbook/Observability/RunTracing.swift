import CoreMetrics
public import Metrics
public import Tracing

/// The run-level pieces of observability: the run's span (the parent of every HTTP call's span)
/// and the run's swift-metrics (items by outcome, duration).
///
/// ```swift
/// let outcome = await RunTracing.withRunSpan(script: "customer-sync", org: "acme", env: "prod", runID: id) { span in
///     await runScript()
/// }
/// ```
public enum RunTracing {
    /// Runs `operation` inside the span `runbook.run <script>` (kind internal, attributes
    /// `runbook.script`, `runbook.org`, `runbook.env`, `runbook.run_id`), which is the task's
    /// current trace context meanwhile, so every HTTP call made in it becomes its child.
    /// `tracer` defaults to the bootstrapped `InstrumentationSystem.tracer`.
    public static func withRunSpan<Result>(
        script: String, org: String, env: String, runID: String, tracer: (any Tracer)? = nil,
        _ operation: (any Span) async throws -> Result
    ) async rethrows -> Result {
        let tracer = tracer ?? InstrumentationSystem.tracer
        let span = tracer.startSpan("runbook.run \(script)", context: InstrumentationContext.current ?? .topLevel)
        if span.isRecording {
            span.attributes["runbook.script"] = script
            span.attributes["runbook.org"] = org
            span.attributes["runbook.env"] = env
            span.attributes["runbook.run_id"] = runID
        }
        defer { span.end() }
        return try await InstrumentationContext.$current.withValue(span.context) {
            try await operation(span)
        }
    }

    /// Marks the run's span as failed with `exitCode` (call before the span ends).
    public static func recordOutcome(_ span: any Span, exitCode: Int32, errorCode: String? = nil) {
        guard span.isRecording else { return }
        span.attributes["process.exit.code"] = Int(exitCode)
        if exitCode != 0 {
            span.attributes["error.type"] = errorCode ?? "exit_\(exitCode)"
            span.setStatus(SpanStatus(code: .error))
        }
    }

    /// Records the run's end in swift-metrics: `runbook_run_items_total{script,outcome}` by
    /// `items` and `runbook_run_duration_seconds{script}`. `factory` defaults to `MetricsSystem.factory`.
    public static func recordRunMetrics(
        script: String, items: [String: Int], duration: Duration, factory: (any MetricsFactory)? = nil
    ) {
        let factory = factory ?? MetricsSystem.factory
        for (outcome, count) in items where count > 0 {
            Counter(label: RunbookMetricName.runItems, dimensions: [("script", script), ("outcome", outcome)],
                    factory: factory).increment(by: count)
        }
        Timer(label: RunbookMetricName.runDuration, dimensions: [("script", script)], factory: factory)
            .recordNanoseconds(HTTPCallObservation.nanoseconds(duration))
    }
}
