import Foundation
public import Runbook

/// Upserts the customers in `data/customers.csv` into the ERP: for each row it reads the
/// customer by key (`GET customers(C001)`), then changes only the fields that differ with
/// `PATCH` + `If-Match: <ETag>`, or creates it with `POST` when the read answers 404. Every row
/// becomes a result (created, updated, skipped as unchanged, or failed with the reason) and a line
/// of `output/customer-sync-report_<UTC>.csv`. Under `--dry-run` nothing is sent but reads: the
/// report says what would happen.
///
/// ```
/// swift run runbook run customer-sync demo test [--limit 10] [--dry-run]
/// ```
///
/// A row that fails (422, 412, a 503 that outlived its retries) is a failed result and the run goes
/// on (exit 2); when the circuit breaker opens, the run stops (exit 75, a temporary failure) and the report shows how far it got.
///
/// Config (`scripts.customer-sync`, validated by `configSchema`):
/// - `entity-path` (string, default `customers`): the collection, relative to `global.api-base-url`;
/// - `key-field` (string, default `number`): the CSV column and API field that identify a customer;
/// - `input-file` (string, default `customers.csv`): the CSV in `data/`; every other column is a field
///   to sync (an empty cell leaves the field alone).
public struct CustomerSync: Script {
    public static let name = "customer-sync"
    public static let summary = "Upserts data/customers.csv into the API (GET by key, PATCH with If-Match or POST)"
    public static let configSchema: String? = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "entity-path": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_/-]*$", "default": "customers"},
            "key-field": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]*$", "default": "number"},
            "input-file": {"type": "string", "pattern": "^[A-Za-z0-9_.-]+\\\\.csv$", "default": "customers.csv"}
          }
        }
        """

    @Option(help: "Sync at most this many customers.")
    var limit: Int?

    public init() {}

    public func run(_ context: ScriptContext) async throws {
        let section = ["scripts", Self.name]
        let entityPath = try context.config.require(String.self, path: section + ["entity-path"])
        let keyField = try context.config.require(String.self, path: section + ["key-field"])
        let inputFile = try context.config.require(String.self, path: section + ["input-file"])
        let file = try CustomerFile(
            rows: context.output.loadCSV(from: .data, name: inputFile), name: "data/\(inputFile)", keyField: keyField)
        let records = Array(file.records.prefix(limit ?? .max))
        context.logger.info("Read \(file.records.count) customers from data/\(inputFile); syncing \(records.count)")

        let upsert = CustomerUpsert(
            api: try context.restClient(), entityPath: entityPath, keyField: keyField, isDryRun: context.isDryRun)
        var report = SyncReport(keyField: keyField)
        for record in records {
            let identifier = "\(entityPath)/\(record.key.isEmpty ? "line-\(record.line)" : record.key)"
            if let problem = record.problem {
                context.results.failed(identifier, reason: problem)
                report.add(record, .failed, problem)
                continue
            }
            do {
                let outcome = try await upsert.apply(record)
                outcome.record(in: context.results, identifier: identifier)
                report.add(record, outcome.action, outcome.detail)
            } catch let error as CircuitOpenError {
                try report.save(context)
                throw stopped(at: record, of: records.count, done: report.rows.count, cause: error.helpfulError)
            } catch let error as HTTPRequestError {
                let reason = error.helpfulError.problem
                context.results.failed(identifier, reason: reason)
                report.add(record, .failed, reason)
            }
        }
        let url = try report.save(context)
        context.logger.info("Wrote the report of \(report.rows.count) customers to output/\(url.lastPathComponent)")
    }

    private func stopped(at record: CustomerRecord, of total: Int, done: Int, cause: HelpfulError) -> HelpfulError {
        HelpfulError(
            problem: "Stopped at customer \(record.key) (line \(record.line)) after \(done) of \(total): \(cause.problem)",
            solution: cause.solution + ". Then run again: customers already synced come out unchanged",
            example: cause.example, location: cause.location, details: cause.details, exitCode: cause.exitCode)
    }
}
