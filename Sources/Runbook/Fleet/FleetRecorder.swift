public import Foundation
import Synchronization

/// Keeps a fleet record on disk true while the fleet runs, cheaply: every event is one fsync'd
/// line in the journal (``FleetJournal``); the record itself is rewritten atomically
/// (`AtomicFileWriter`: temporary file, fsync, rename, fsync of the folder) at the start, after
/// every `compactionInterval` events and at the end. A fleet of 10,000 targets thus writes about
/// 30,000 short lines and a few dozen records instead of 10,000 full records, and a kill -9 at any
/// moment leaves record + journal saying exactly which targets finished (``FleetRecord/read(_:)``).
package final class FleetRecorder: Sendable {
    /// The record file.
    package let url: URL
    private let journal: FleetJournal
    private let state: Mutex<State>
    private let compactionInterval: Int

    private struct State {
        var record: FleetRecord
        var sinceCompaction = 0
    }

    /// Writes `record` to `url` and opens its journal (continuing the journal of a resumed record).
    package init(record: FleetRecord, url: URL) throws(HelpfulError) {
        self.url = url
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        journal = try FleetJournal(recordURL: url)
        compactionInterval = max(16, record.targets.count / 50)
        var record = record
        // A resumed record continues the sequence of its journal.
        record.journalSequence = max(record.journalSequence, FleetJournal.events(at: journal.url).last?.seq ?? 0)
        state = Mutex(State(record: record))
        try Self.write(record, to: url)
    }

    /// The record as it is now.
    package var record: FleetRecord { state.withLock { $0.record } }

    /// A target's child started (`pid`, attempt number).
    package func started(index: Int, pid: Int32, attempt: Int) {
        append(FleetJournal.Event(event: "started", index: index, pid: pid, attempt: attempt))
    }

    /// A target finished (its entry as it now is).
    package func finished(_ entry: FleetRecord.Entry) {
        append(FleetJournal.Event(event: "finished", entry: entry))
    }

    /// A target was skipped.
    package func skipped(index: Int) {
        append(FleetJournal.Event(event: "skipped", index: index))
    }

    /// The fleet ended: the final record is written.
    package func ended(state final: FleetRecord.State, exitCode: Int32, at date: Date) throws(HelpfulError) {
        append(FleetJournal.Event(event: "ended", state: final, exitCode: exitCode, finishedAt: RecordTimestamp.format(date)),
               compact: false)
        let record = state.withLock { $0.record }
        try Self.write(record, to: url)
    }

    private func append(_ event: FleetJournal.Event, compact: Bool = true) {
        let snapshot: FleetRecord? = state.withLock { state in
            var event = event
            event.seq = state.record.journalSequence + 1
            journal.append(event)
            state.record.apply([event])
            state.sinceCompaction += 1
            guard compact, state.sinceCompaction >= compactionInterval else { return nil }
            state.sinceCompaction = 0
            return state.record
        }
        // A failed compaction leaves the previous record and the journal, which together stay true.
        if let snapshot { try? Self.write(snapshot, to: url) }
    }

    /// Writes `record` atomically (never a partial file).
    package static func write(_ record: FleetRecord, to url: URL) throws(HelpfulError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let writer = try AtomicFileWriter(destination: url)
            do {
                try writer.write(try record.jsonData())
                try writer.write([0x0A])
                try writer.commit()
            } catch {
                writer.abort()
                throw error
            }
        } catch {
            throw HelpfulError(
                code: .outputCannotWrite,
                problem: "Cannot write the fleet record \(url.lastPathComponent): \(error)",
                solution: "Check that output/ is writable and the disk has room", example: "df -h output",
                location: .file("output/\(url.lastPathComponent)"), exitCode: .scriptFailed)
        }
    }
}
