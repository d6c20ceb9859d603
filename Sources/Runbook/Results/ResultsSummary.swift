/// The one-line summary of a run's results. Exact shapes:
///
/// - failures: `❌ Completed with 2 failures: 5 created, 7 updated, 2 failed`
/// - all successful: `✅ All 12 operations successful: 5 created, 7 updated`
/// - one success: `✅ 1 operation successful: 1 created, 0 updated`
/// - nothing created or updated: `✅ No changes: 0 created, 0 updated`
///
/// followed, when non-zero, by `, 3 skipped` and `, 1 expected error handled` /
/// `, 2 expected errors handled`.
public enum ResultsSummary {
    /// The summary line for these counts.
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
        if counts.skipped > 0 { line += ", \(counts.skipped) skipped" }
        if counts.expected > 0 {
            line += ", \(counts.expected) expected error\(counts.expected == 1 ? "" : "s") handled"
        }
        return line
    }
}
