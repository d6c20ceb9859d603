import Foundation
import Runbook

/// The targets of a fleet record (`runbook fleet`, `runbook collect`) that did not succeed, read
/// with `FleetRecord.read` (which applies the record's journal, so a killed coordinator's record counts).
enum FleetRecordTargets {
    /// The entries that did not succeed (failed, skipped, never finished), in record order.
    static func failed(in file: URL, shown: String) throws(HelpfulError) -> [FleetRecord.Entry] {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw HelpfulError(code: .fleetRecordUnreadable,
                               problem: "No fleet record at \(shown)", solution: "Check the path (output/fleet_<UTC>_<id>.json)",
                               location: .file(shown), exitCode: .usage)
        }
        return try FleetRecord.read(file).targets.filter { !$0.succeeded }
    }
}
