import Foundation
public import Runbook

/// Sets the unit price of thousands of items, several at a time: a task group of `--concurrency`
/// workers (default 8) sends `PATCH items(<number>)` with an `Idempotency-Key`, so the client's
/// retries cover 429 (after `Retry-After`) and 503, all under the run's rate limiter and circuit
/// breaker. A record that still fails is a failed result (exit 2), not a crash; an open circuit
/// breaker stops the run (exit 1). Progress: a bar on a terminal when
/// `script-behavior.enable-progress-bars` is on, else a log line every 10 %.
///
/// ```
/// swift run runbook run bulk-update demo test [--concurrency 16] [--count 5000 | --input item-prices.csv] [--dry-run]
/// ```
///
/// Config (`scripts.bulk-update`, validated by `configSchema`):
/// - `entity-path` (string, default `items`): the collection, relative to `global.api-base-url`;
/// - `generate-count` (integer 1–100000, default 2000): records generated when no input file is given
///   (`ITEM-0001` … with deterministic prices);
/// - `input-file` (string, optional): a CSV in `data/` with the columns `number,unitPrice`.
public struct BulkUpdate: Script {
    public static let name = "bulk-update"
    public static let summary = "Sets thousands of item prices with N concurrent workers, surviving 429/503"
    public static let configSchema: String? = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "entity-path": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_/-]*$", "default": "items"},
            "generate-count": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 2000},
            "input-file": {"type": "string", "pattern": "^[A-Za-z0-9_.-]+\\\\.csv$"}
          }
        }
        """

    @Option(help: "Records updated at the same time (1-64).")
    var concurrency = 8

    @Option(help: "Generate this many records (overrides scripts.bulk-update.generate-count).")
    var count: Int?

    @Option(help: "Read the records from this CSV in data/ (columns number,unitPrice) instead of generating them.")
    var input: String?

    public init() {}

    public mutating func validate() throws {
        guard (1...64).contains(concurrency) else {
            throw ValidationError("--concurrency must be between 1 and 64, got \(concurrency)")
        }
        if let count, !(1...100_000).contains(count) {
            throw ValidationError("--count must be between 1 and 100000, got \(count)")
        }
    }

    public func run(_ context: ScriptContext) async throws {
        let entityPath = try context.config.require(String.self, "scripts", Self.name, "entity-path")
        let records: [PriceUpdate]
        if let file = try input ?? context.config.optional(String.self, "scripts", Self.name, "input-file") {
            records = try PriceUpdate.load(context.output.loadCSV(from: .data, name: file), name: "data/\(file)")
            context.logger.info("Read \(records.count) price updates from data/\(file)")
        } else {
            let total = try count ?? context.config.require(Int.self, "scripts", Self.name, "generate-count")
            records = PriceUpdate.generate(count: total)
            context.logger.info("Generated \(records.count) price updates")
        }
        let progress = context.progress(total: records.count, description: "Updating prices")
        let worker = PriceUpdateWorker(
            api: try context.restClient(), entityPath: entityPath, isDryRun: context.isDryRun, results: context.results)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var pending = records.makeIterator()
                for _ in 0..<concurrency {
                    guard let record = pending.next() else { break }
                    group.addTask { try await worker.apply(record); progress.advance() }
                }
                while try await group.next() != nil {
                    guard let record = pending.next() else { continue }
                    group.addTask { try await worker.apply(record); progress.advance() }
                }
            }
        } catch let error as CircuitOpenError {
            progress.finish()
            let cause = error.helpfulError
            throw HelpfulError(
                problem: "Stopped after \(progress.completed) of \(records.count) records: \(cause.problem)",
                solution: cause.solution + ". Then run again: updates are idempotent",
                example: cause.example, location: cause.location, exitCode: .scriptFailed)
        }
        progress.finish()
    }
}
