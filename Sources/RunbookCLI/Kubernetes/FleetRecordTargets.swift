import Foundation
import Runbook

/// The targets of a fleet record (`runbook fleet`, `runbook collect`) that did not succeed: the
/// part of the record `--rerun-failed` needs, read without depending on the rest of it.
enum FleetRecordTargets {
    /// One target entry.
    struct Entry: Decodable, Sendable {
        var index: Int?
        var org: String
        var env: String
        var arguments: [String]?
        var status: String?
        var exitCode: Int32?
    }

    private struct Record: Decodable {
        var targets: [Entry]
    }

    /// The entries whose run did not end with exit 0 (failed, skipped, never finished), in record order.
    static func failed(in file: URL, shown: String) throws(HelpfulError) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw HelpfulError(problem: "Cannot read the fleet record \(shown)", solution: "Check the path (output/fleet_<UTC>_<id>.json)",
                               location: .file(shown), exitCode: .usage)
        }
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: data)
        } catch {
            throw HelpfulError(
                problem: "\(shown) is not a fleet record: \(error.localizedDescription)",
                solution: "Give the fleet record `runbook fleet` or `runbook collect` wrote",
                example: "runbook kubernetes hello-world --rerun-failed output/fleet_2026-12-02T150000Z_0192ab34cd56.json --image …",
                location: .file(shown), exitCode: .usage)
        }
        return record.targets.filter { $0.exitCode != 0 }
    }
}
