import ArgumentParser
import Foundation
import Runbook

/// `runbook history [<script>] [<org> <env>] [--last N] [--json]`: recent runs from their records.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List recent runs from their records in output/, newest first.",
        discussion: """
            Filters: a script name, an org and env, or all three (`runbook history customer-sync acme prod`). \
            A file named like a record that is not one is skipped with a warning.
            """
    )

    @Argument(help: "[<script>] [<org> <env>]: show only these runs.")
    var filters: [String] = []

    @Option(name: .long, help: "Show at most this many runs (default 20).")
    var last = 20

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let filter: (script: String?, org: String?, env: String?)
        switch filters.count {
        case 0: filter = (nil, nil, nil)
        case 1: filter = (filters[0], nil, nil)
        case 2: filter = (nil, filters[0], filters[1])
        case 3: filter = (filters[0], filters[1], filters[2])
        default:
            throw usage("Too many arguments: \(filters.joined(separator: " "))")
        }
        guard last >= 1 else {
            throw usage("--last must be 1 or more, not \(last)")
        }
        let archive = RunRecordArchive.read(projectRoot: environment.projectRoot(global.projectRoot))
        for skipped in archive.skipped {
            environment.writeError("warning: skipped \(skipped.file): \(skipped.reason)\n")
        }
        let entries = archive.filtered(script: filter.script, org: filter.org, env: filter.env).prefix(last)
        if global.json {
            let lines = entries.compactMap { try? $0.record.jsonLine() }
            environment.writeOut("[" + lines.joined(separator: ",") + "]\n")
            return
        }
        guard !entries.isEmpty else {
            environment.writeOut("No runs recorded in output/ yet.\n")
            return
        }
        environment.writeOut(RunTable.render(entries.map(\.record)))
    }

    private func usage(_ problem: String) -> HelpfulError {
        HelpfulError(
            code: .usageHistoryFilter,
            problem: problem, solution: "Give a script, an org and env, or all three; --last takes a positive number",
            example: "runbook history customer-sync acme prod --last 5", exitCode: .usage)
    }
}

/// The table `runbook history` prints: one run a line, aligned columns.
enum RunTable {
    static let header = ["RUN ID", "STARTED (UTC)", "SCRIPT", "ORG/ENV", "OUTCOME", "EXIT", "DURATION"]

    static func render(_ records: [RunRecord]) -> String {
        let rows = [header] + records.map { record in
            [record.runId.description, startText(record.startedAt), record.script, "\(record.org)/\(record.env)",
             record.outcome.rawValue, String(record.exitCode), durationText(record.durationSeconds)]
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                column == row.count - 1 ? text : text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `2025-01-25 14:30:45`.
    static func startText(_ date: Date) -> String {
        let text = UTCTimestamp.iso8601(date)
        return text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }

    /// `0.4 s`, `41.2 s`, `12 min 5 s`, `2 h 3 min`.
    static func durationText(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole / 60 % 60) min"
    }
}
