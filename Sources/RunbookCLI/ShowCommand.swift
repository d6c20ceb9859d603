import ArgumentParser
import Foundation
import Runbook

/// `runbook show <run-id> [--json]`: one run record.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one run's record.",
        discussion: "A unique prefix of the run id is enough (see `runbook history`)."
    )

    @Argument(help: "The run id, or a unique prefix of it.")
    var runID: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let archive = RunRecordArchive.read(projectRoot: environment.projectRoot(global.projectRoot))
        for skipped in archive.skipped {
            environment.writeError("warning: skipped \(skipped.file): \(skipped.reason)\n")
        }
        let entry = try archive.record(matching: runID)
        if global.json {
            environment.writeOut(try entry.record.jsonLine() + "\n")
            return
        }
        environment.writeOut(Self.render(entry))
    }

    /// The summary, then one field a line.
    static func render(_ entry: RunRecordArchive.Entry) -> String {
        let record = entry.record
        var lines = [record.summary, ""]
        func field(_ name: String, _ value: String) { lines.append(name.padding(toLength: 16, withPad: " ", startingAt: 0) + value) }
        field("run id", record.runId.description)
        field("record", entry.file)
        field("script", "\(record.script) \(record.scriptVersion)")
        field("runbook", record.runbookVersion)
        field("org/env", "\(record.org)/\(record.env)" + (record.dryRun ? " (dry run)" : ""))
        field("arguments", record.arguments.joined(separator: " "))
        field("host, user", "\(record.host), \(record.user)")
        field("started (UTC)", UTCTimestamp.logLine(record.startedAt))
        field("finished (UTC)", UTCTimestamp.logLine(record.finishedAt))
        field("duration", RunTable.durationText(record.durationSeconds))
        field("outcome", "\(record.outcome.rawValue) (exit \(record.exitCode))")
        let counts = record.counts
        field("counts", "\(counts.created) created, \(counts.updated) updated, \(counts.skipped) skipped, "
              + "\(counts.failed) failed, \(counts.expected) expected")
        if let error = record.error {
            field("error", (error.code.map { "[\($0)] " } ?? "") + error.problem)
            field("solution", error.solution)
        }
        for failed in record.items.failed {
            field("failed item", failed.identifier + (failed.reason.map { ": \($0)" } ?? ""))
        }
        for file in record.files {
            field("file", "\(file.path) (\(file.bytes) bytes, sha256 \(file.sha256))"
                  + (file.transaction.map { ", transaction \($0)" } ?? ""))
        }
        for transaction in record.transactions {
            field("transaction", "\(transaction.id) \(transaction.state.rawValue): \(transaction.files.joined(separator: ", "))")
        }
        if let logFile = record.logFile { field("log file", logFile) }
        return lines.joined(separator: "\n") + "\n"
    }
}
