import Foundation
import Runbook

/// What recording costs a run that makes no HTTP client (hello-world): the run's span around the
/// script, its outcome on the span, and the run's swift-metrics at the end, with the default no-op
/// backends, exactly the calls `ScriptRunner` makes. The first pass in a fresh process is the one a
/// start-up pays (type metadata, conformances, the backends' first use); the warm figure is the
/// steady cost. `off` times an empty pass, for the instruction-count difference.
enum RunObservabilityProbe {
    /// `ms <cold ms> cpu <cold CPU ms> warm-us <µs per warm pass>` (`warmPasses` 0: the cold pass
    /// alone, for callgrind).
    static func measure(enabled: Bool, warmPasses: Int) async -> String {
        let cold = Stopwatch()
        await pass(enabled: enabled)
        let coldReport = cold.report()
        let warm = ContinuousClock.now
        for _ in 0..<warmPasses { await pass(enabled: enabled) }
        let elapsed = ContinuousClock.now - warm
        let microseconds = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
            / Double(max(warmPasses, 1))
        return coldReport + " warm-us " + String(format: "%.2f", microseconds)
    }

    private static func pass(enabled: Bool) async {
        guard enabled else { return }
        await RunTracing.withRunSpan(script: "hello-world", org: "demo", env: "test", runID: "bench") { span in
            RunTracing.recordOutcome(span, exitCode: 0)
        }
        RunTracing.recordRunMetrics(script: "hello-world", items: ["succeeded": 3], duration: .milliseconds(12))
    }
}
