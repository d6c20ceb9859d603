import ArgumentParser
import Foundation
import Runbook

/// `runbook report FLEET_RECORD [--output FILE]`: the fleet record as one self-contained HTML
/// page (``FleetReportPage``), written atomically; by default beside the record, with `.html`
/// in place of `.json`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a fleet record as a self-contained HTML page.",
        discussion: """
            The page shows a status grid of the targets, their durations, the failures with their \
            errors, and the per-host metrics of the run records the fleet record names. It loads \
            nothing from elsewhere: open it in any browser, attach it to a mail.
            """
    )

    @Argument(help: "The fleet record (output/fleet_….json).")
    var fleetRecord: String

    @Option(name: .long, help: "Where to write the page (default: the record's path with .html).")
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        let source = Self.resolve(fleetRecord, in: environment.currentDirectory)
        let destination = output.map { Self.resolve($0, in: environment.currentDirectory) }
            ?? source.deletingPathExtension().appendingPathExtension("html")
        let report = try FleetReport.load(recordAt: source, shownAs: fleetRecord, projectRoot: root)
        try Self.write(FleetReportPage(report: report).html(), to: destination, shownAs: output ?? destination.path)
        environment.writeOut("Wrote \(output ?? destination.path)\n")
    }

    /// `path` as given when absolute, else inside `folder`.
    static func resolve(_ path: String, in folder: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
    }

    /// Writes `page` to a temporary file beside `url` and renames it over `url`, so a reader sees
    /// the old page or the new one, never part of one.
    static func write(_ page: String, to url: URL, shownAs shown: String) throws(HelpfulError) {
        do {
            try Data(page.utf8).write(to: url, options: .atomic)
        } catch {
            throw HelpfulError(
                code: .outputCannotWrite,
                problem: "Cannot write the report \(shown): \(error.localizedDescription)",
                solution: "Check that the folder exists and is writable, or choose another file with --output",
                example: "runbook report output/fleet_2026-12-02T150000Z_4c8e1f0a7b6d.json --output fleet-report.html",
                location: .file(shown))
        }
    }
}
