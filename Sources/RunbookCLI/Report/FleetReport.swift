import Foundation
import Runbook

/// What `runbook report` shows: the fleet record, and for each target the per-host metrics of its
/// run record (`metrics.hosts`) when the record it points to can be read.
struct FleetReport {
    /// One target with what its run record adds.
    struct Target {
        /// The fleet record's entry.
        var entry: FleetRecord.Entry
        /// The hosts its run called (empty when its record has none or cannot be read).
        var hosts: [HostMetrics]
        /// Why the run record could not be read, when it is named but unusable.
        var recordProblem: String?
    }

    /// The fleet record.
    var record: FleetRecord
    /// The record's path as given.
    var recordPath: String
    /// Every target, in targets-file order.
    var targets: [Target]

    /// Reads the fleet record (a `HelpfulError` with its location when it is missing or invalid)
    /// and the run records it names, relative to `projectRoot`, else to the folder above the
    /// fleet record's `output/`.
    static func load(recordAt url: URL, shownAs path: String, projectRoot: URL) throws(HelpfulError) -> FleetReport {
        let record = try FleetRecord.read(url)
        let roots = [projectRoot, url.deletingLastPathComponent().deletingLastPathComponent()]
        let targets = record.targets.map { entry -> Target in
            guard let relative = entry.recordPath else { return Target(entry: entry, hosts: []) }
            guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
                return Target(entry: entry, hosts: [], recordProblem: "\(relative) is not a path inside the project")
            }
            guard let data = roots.lazy.compactMap({ FileManager.default.contents(atPath: $0.appendingPathComponent(relative).path) }).first
            else { return Target(entry: entry, hosts: [], recordProblem: "\(relative) cannot be read") }
            do {
                let run = try JSONDecoder().decode(RunRecord.self, from: data)
                return Target(entry: entry, hosts: run.metrics?.hosts ?? [])
            } catch {
                return Target(entry: entry, hosts: [], recordProblem: "\(relative) is not a run record")
            }
        }
        return FleetReport(record: record, recordPath: path, targets: targets)
    }

    /// How many targets each outcome (or status, for targets without one) has, in a fixed order.
    var tally: [(label: String, count: Int)] {
        var counts: [String: Int] = [:]
        for target in targets { counts[Self.label(target.entry), default: 0] += 1 }
        return Self.order.compactMap { label in counts[label].map { (label, $0) } }
    }

    /// The word a target's cell shows: its outcome when finished, else its status.
    static func label(_ entry: FleetRecord.Entry) -> String {
        entry.outcome?.rawValue ?? entry.status.rawValue
    }

    /// Outcomes first (worst last), then the statuses of targets without an outcome.
    static let order = RunRecord.Outcome.allCases.map(\.rawValue)
        + FleetRecord.Entry.Status.allCases.map(\.rawValue).filter { $0 != "finished" }
}
