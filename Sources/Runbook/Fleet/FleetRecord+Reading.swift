public import Foundation

extension FleetRecord {
    /// Reads a fleet record and applies the journal lines beside it that are newer than the record,
    /// so the result is true even when the coordinator was killed between two rewrites. A file that
    /// is missing or not a fleet record is a usage error (exit 64).
    public static func read(_ url: URL) throws(HelpfulError) -> FleetRecord {
        let shown = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw HelpfulError(
                code: .fleetRecordUnreadable,
                problem: "Cannot read the fleet record \(shown)", solution: "Give the path of an output/fleet_….json file",
                example: "ls output/fleet_*.json", location: .file(shown), exitCode: .usage)
        }
        var record: FleetRecord
        do {
            record = try JSONDecoder().decode(FleetRecord.self, from: data)
        } catch {
            throw HelpfulError(
                code: .fleetRecordInvalid,
                problem: "\(shown) is not a fleet record: \(error)",
                solution: "Give the path of a record written by `runbook fleet` or `runbook collect` (output/fleet_….json)",
                example: "ls output/fleet_*.json", location: .file(shown), exitCode: .usage)
        }
        record.apply(FleetJournal.events(at: FleetJournal.url(forRecord: url)))
        return record
    }

    /// Applies journal events newer than ``journalSequence``.
    public mutating func apply(_ events: [FleetJournal.Event]) {
        let positions = Dictionary(targets.enumerated().map { ($0.element.index, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for event in events where event.seq > journalSequence {
            journalSequence = event.seq
            switch event.event {
            case "started":
                guard let index = event.index, let position = positions[index] else { continue }
                targets[position].status = .running
                targets[position].attempts = max(targets[position].attempts, event.attempt ?? 1)
            case "finished":
                guard let entry = event.entry, let position = positions[entry.index] else { continue }
                targets[position] = entry
            case "skipped":
                guard let index = event.index, let position = positions[index] else { continue }
                targets[position].status = .skipped
            case "ended":
                state = event.state ?? state
                exitCode = event.exitCode ?? exitCode
                finishedAt = event.finishedAt.flatMap(RecordTimestamp.parse) ?? finishedAt
            default:
                continue
            }
        }
    }

    /// The record as pretty JSON (keys in a fixed order).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
