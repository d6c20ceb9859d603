public import Foundation

/// The run records in a project's `output/` folder, for `runbook history` and `runbook show`.
/// Only files named like records (`*-results_<UTC>_<short id>.json`) are read; one that does not
/// decode as a record (corrupt, or some other JSON) is skipped and reported, never fatal.
///
/// ```swift
/// let archive = RunRecordArchive.read(projectRoot: root)
/// for (file, record) in archive.records.prefix(5) { print(file, record.outcome) }
/// ```
public struct RunRecordArchive: Sendable {
    /// A record and its file (relative to the project root).
    public struct Entry: Sendable {
        /// `output/…-results_….json`.
        public var file: String
        /// The record.
        public var record: RunRecord
    }

    /// A file that was skipped, and why.
    public struct Skipped: Sendable, Equatable {
        /// `output/…-results_….json`.
        public var file: String
        /// Why it is not a record.
        public var reason: String
    }

    /// The records, newest first (by start time, then run id).
    public var records: [Entry]
    /// The files named like records that are not.
    public var skipped: [Skipped]

    /// Reads every record in `projectRoot/output/` (none when the folder does not exist).
    public static func read(projectRoot: URL) -> RunRecordArchive {
        let folder = projectRoot.appendingPathComponent(OutputFolder.output.rawValue, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var records: [Entry] = []
        var skipped: [Skipped] = []
        let decoder = JSONDecoder()
        for name in names.sorted() where isRecordName(name) {
            let file = OutputFolder.output.rawValue + "/" + name
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                skipped.append(Skipped(file: file, reason: "cannot be read"))
                continue
            }
            do {
                records.append(Entry(file: file, record: try decoder.decode(RunRecord.self, from: data)))
            } catch {
                skipped.append(Skipped(file: file, reason: "not a run record (\(OutputStore.describe(error)))"))
            }
        }
        records.sort { ($0.record.startedAt, $0.record.runId) > ($1.record.startedAt, $1.record.runId) }
        return RunRecordArchive(records: records, skipped: skipped)
    }

    /// Whether a file name is that of a run record.
    static func isRecordName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.hasSuffix(".json") && name.contains("-results_")
    }

    /// The records of `script` (any when nil) for `org`/`env` (any when nil), newest first.
    public func filtered(script: String?, org: String?, env: String?) -> [Entry] {
        records.filter { entry in
            (script.map { entry.record.script == $0 } ?? true) && (org.map { entry.record.org == $0 } ?? true)
                && (env.map { entry.record.env == $0 } ?? true)
        }
    }

    /// The one record whose run id starts with `prefix` (either case) or whose short id is `prefix`.
    /// Throws a usage error (64) naming the closest run ids when none or several match.
    public func record(matching prefix: String) throws(HelpfulError) -> Entry {
        let query = prefix.lowercased()
        let matches = records.filter { $0.record.runId.description.hasPrefix(query) || $0.record.runId.short == query }
        if matches.count == 1, let only = matches.first { return only }
        func line(_ entry: Entry) -> String {
            "\(entry.record.runId)  \(RecordTimestamp.format(entry.record.startedAt))  \(entry.record.script) "
                + "\(entry.record.org)/\(entry.record.env)  \(entry.record.outcome.rawValue)"
        }
        guard matches.isEmpty else {
            throw HelpfulError(
                code: .usageRunIdAmbiguous,
                problem: "The run id '\(prefix)' matches \(matches.count) runs",
                solution: "Give more of the run id, so that only one run matches",
                example: "runbook show \(matches[0].record.runId)",
                details: ["Matching runs:"] + matches.prefix(10).map { "  " + line($0) },
                exitCode: .usage)
        }
        let close = records.sorted { commonPrefix($0, query) > commonPrefix($1, query) }.prefix(5)
        throw HelpfulError(
            code: .usageRunIdUnknown,
            problem: records.isEmpty ? "No run record has the id '\(prefix)': output/ holds no run records"
                : "No run record has the id '\(prefix)'",
            solution: records.isEmpty ? "Run a script first; its record goes to output/"
                : "Use a run id (or its start) from `runbook history`",
            example: close.first.map { "runbook show \($0.record.runId)" } ?? "runbook history",
            details: close.isEmpty ? [] : ["Closest run ids:"] + close.map { "  " + line($0) },
            exitCode: .usage)
    }

    private func commonPrefix(_ entry: Entry, _ query: String) -> Int {
        zip(entry.record.runId.description, query).prefix { $0 == $1 }.count
    }
}
