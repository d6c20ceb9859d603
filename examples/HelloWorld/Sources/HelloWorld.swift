import Foundation
public import Runbook

/// The example job that needs no network: reads `data/people.csv`, greets every active person,
/// writes `output/hello-world-report_<UTC>.csv`, records one result per row, and ends with the
/// results summary.
///
/// ```
/// swift run runbook run hello-world demo test [--limit 2] [--dry-run]
/// ```
///
/// Config (`scripts.hello-world`, validated by `configSchema`):
/// - `greeting` (string, default `Hello`): the word in front of each name;
/// - `input-file` (string, default `people.csv`): the CSV in `data/` (columns name, email, country, active).
public struct HelloWorld: Script {
    public static let name = "hello-world"
    public static let summary = "Greets everyone in data/people.csv and writes a timestamped report (no network)"
    public static let configSchema: String? = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "greeting": {"type": "string", "minLength": 1, "default": "Hello"},
            "input-file": {"type": "string", "pattern": "^[A-Za-z0-9_.-]+\\\\.csv$", "default": "people.csv"}
          }
        }
        """

    @Option(help: "Greet at most this many people.")
    var limit: Int?

    public init() {}

    public func run(_ context: ScriptContext) async throws {
        let greeting = try context.config.require(String.self, "scripts", Self.name, "greeting")
        let inputFile = try context.config.require(String.self, "scripts", Self.name, "input-file")
        let people = try PeopleFile(rows: context.output.loadCSV(from: .data, name: inputFile), name: "data/\(inputFile)")
        context.logger.info("Read \(people.records.count) people from data/\(inputFile)")

        var reportRows: [[TableCell]] = []
        for record in people.records.prefix(limit ?? .max) {
            let identifier = "person/\(record.line)"
            guard record.active else {
                context.results.skipped(identifier, reason: "inactive")
                continue
            }
            guard !record.name.isEmpty else {
                context.results.failed(identifier, reason: "line \(record.line) has no name")
                continue
            }
            reportRows.append([.text("\(greeting), \(record.name)!"), .text(record.email), .text(record.country)])
            context.results.created(identifier)
        }
        if context.isDryRun {
            context.logger.info("Dry run: would write \(reportRows.count) greetings to output/hello-world-report_<UTC>.csv")
            return
        }
        let url = try context.output.saveCSV(
            header: ["greeting", "email", "country"], rows: reportRows, to: .output, name: "hello-world-report.csv",
            timestamped: true)
        context.logger.info("Wrote \(reportRows.count) greetings to output/\(url.lastPathComponent)")
    }
}
