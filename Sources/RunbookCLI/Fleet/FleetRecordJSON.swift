import Foundation
import Runbook

/// `runbook fleet --json` and `runbook collect --json`: standard output is the fleet record, as
/// the file holds it (the journal applied), on one line.
enum FleetRecordJSON {
    static func write(_ record: FleetRecord, url: URL, environment: CLIEnvironment) throws(HelpfulError) {
        let saved = (try? FleetRecord.read(url)) ?? record
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(saved) else {
            throw HelpfulError(code: .fleetRecordInvalid, problem: "The fleet record could not be encoded as JSON",
                               solution: "Read the record file instead", location: .file(url.path))
        }
        environment.writeOut(String(decoding: data, as: UTF8.self) + "\n")
    }
}
