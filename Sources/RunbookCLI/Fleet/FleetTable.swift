import Foundation
import Runbook

/// The joblog-like table printed at the end of a fleet: one line per target (target, outcome,
/// exit code, duration, attempts, run id), then a count per outcome and the fleet's exit code.
enum FleetTable {
    /// The table's text.
    static func text(_ record: FleetRecord, only indices: Set<Int>? = nil) -> String {
        let entries = record.targets.filter { indices?.contains($0.index) ?? true }
        let nameWidth = max(6, entries.lazy.map(\.name.count).max() ?? 6)
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        var lines = [pad("TARGET", nameWidth) + "  " + pad("OUTCOME", 21) + "  EXIT  " + pad("DURATION", 9, right: true)
            + "  ATTEMPTS  RUN ID"]
        for entry in entries {
            let outcome = entry.status == .finished ? (entry.outcome?.rawValue ?? "unknown") : entry.status.rawValue
            let exit = entry.exitCode.map(String.init) ?? "-"
            let duration = entry.durationSeconds.map(FleetConsole.seconds) ?? "-"
            lines.append(pad(entry.name, nameWidth) + "  " + pad(outcome, 21) + "  " + pad(exit, 4, right: true) + "  "
                + pad(duration, 9, right: true) + "  " + pad(String(entry.attempts), 8, right: true) + "  "
                + (entry.runId?.description ?? "-"))
        }
        var counts: [String: Int] = [:]
        for entry in entries {
            counts[entry.status == .finished ? (entry.outcome?.rawValue ?? "unknown") : entry.status.rawValue, default: 0] += 1
        }
        let order = RunRecord.Outcome.allCases.map(\.rawValue) + ["unknown", "running", "pending", "skipped"]
        let summary = order.compactMap { name in counts[name].map { "\($0) \(name)" } }.joined(separator: ", ")
        lines.append("")
        lines.append("\(entries.count) target\(entries.count == 1 ? "" : "s"): \(summary); fleet \(record.state.rawValue), "
            + "exit \(record.exitCode.map(String.init) ?? "-")")
        return lines.joined(separator: "\n") + "\n"
    }
}
