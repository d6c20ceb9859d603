/// The one-line summary of a run. Exact shapes when the run finished:
///
/// - failures: `❌ Completed with 2 failures: 5 created, 7 updated, 2 failed`
/// - all successful: `✅ All 12 operations successful: 5 created, 7 updated`
/// - one success: `✅ 1 operation successful: 1 created, 0 updated`
/// - nothing created or updated: `✅ No changes: 0 created, 0 updated`
///
/// and when it did not:
///
/// - interrupted: `⚠️ Interrupted after 1332 operations: 1300 created, 32 updated`
/// - the script threw: `❌ Failed after 3 operations: 2 created, 1 updated, 1 failed`
/// - a configuration or usage error before the script started:
///   `❌ Configuration error: the script did not run` / `❌ Usage error: the script did not run`
///   (`❌ Configuration error after 2 operations: …` when the script had started)
///
/// followed, when non-zero, by `, 3 skipped` and `, 1 expected error handled` /
/// `, 2 expected errors handled`. "Operations" are the created and updated items.
public enum ResultsSummary {
    /// The summary line of a run that finished with these counts.
    public static func line(_ counts: ProcessingResults.Counts) -> String {
        let changed = counts.created + counts.updated
        var line: String
        if counts.failed > 0 {
            line = "❌ Completed with \(counts.failed) failure\(counts.failed == 1 ? "" : "s"): "
                + "\(counts.created) created, \(counts.updated) updated, \(counts.failed) failed"
        } else {
            let head = switch changed {
            case 0: "✅ No changes"
            case 1: "✅ 1 operation successful"
            default: "✅ All \(changed) operations successful"
            }
            line = "\(head): \(counts.created) created, \(counts.updated) updated"
        }
        return line + tail(counts)
    }

    /// The summary line of a run that ended this way; `started` says whether the script's `run`
    /// was called.
    public static func line(_ counts: ProcessingResults.Counts, outcome: RunRecord.Outcome, started: Bool) -> String {
        let head: String
        switch outcome {
        case .succeeded: return line(counts)
        case .completedWithFailures where counts.failed > 0: return line(counts)
        case .completedWithFailures: head = "❌ Completed with failures"
        case .interrupted: head = "⚠️ Interrupted"
        case .failed: head = "❌ Failed"
        case .configurationError: head = "❌ Configuration error"
        case .usageError: head = "❌ Usage error"
        case .temporaryFailure: head = "⏳ Temporary failure"
        }
        guard started else { return "\(head): the script did not run" }
        let changed = counts.created + counts.updated
        var line = "\(head) after \(changed) operation\(changed == 1 ? "" : "s"): "
            + "\(counts.created) created, \(counts.updated) updated"
        if counts.failed > 0 { line += ", \(counts.failed) failed" }
        return line + tail(counts)
    }

    private static func tail(_ counts: ProcessingResults.Counts) -> String {
        var tail = ""
        if counts.skipped > 0 { tail += ", \(counts.skipped) skipped" }
        if counts.expected > 0 {
            tail += ", \(counts.expected) expected error\(counts.expected == 1 ? "" : "s") handled"
        }
        return tail
    }
}
