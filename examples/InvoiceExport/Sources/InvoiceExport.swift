import Foundation
public import Runbook

/// Exports every invoice of the API into an Excel workbook: pages through the collection with the
/// client's paging (`$top`/`$skip`, following `@odata.nextLink`), and writes
/// `output/invoices_<UTC>.xlsx` with two sheets: `Summary` (one line per customer and a total) and
/// `Details` (one line per invoice). An invoice the API returns incomplete (no number, customer or
/// amount) is a failed result and left out of the workbook (exit 2); the workbook is the one
/// created result. `--dry-run` reads everything but writes nothing.
///
/// ```
/// swift run runbook run invoice-export demo test [--dry-run]
/// ```
///
/// Config (`scripts.invoice-export`, validated by `configSchema`):
/// - `entity-path` (string, default `invoices`): the collection, relative to `global.api-base-url`;
/// - `file-name` (string, default `invoices.xlsx`): the workbook's name in `output/` (a UTC timestamp is added);
/// - `filter` (string, optional): an OData `$filter`, e.g. `status eq 'Open'`;
/// - `page-size` (integer 1–1000, optional): `$top` per page (default `script-behavior.batch-handling.read-batch-size`).
public struct InvoiceExport: Script {
    public static let name = "invoice-export"
    public static let summary = "Pages through the invoices and writes a Summary + Details workbook to output/"
    public static let configSchema: String? = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "entity-path": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_/-]*$", "default": "invoices"},
            "file-name": {"type": "string", "pattern": "^[A-Za-z0-9_.-]+\\\\.xlsx$", "default": "invoices.xlsx"},
            "filter": {"type": "string", "minLength": 1},
            "page-size": {"type": "integer", "minimum": 1, "maximum": 1000}
          }
        }
        """

    public init() {}

    public func run(_ context: ScriptContext) async throws {
        let section = ["scripts", Self.name]
        let entityPath = try context.config.require(String.self, path: section + ["entity-path"])
        let fileName = try context.config.require(String.self, path: section + ["file-name"])
        let filter = try context.config.optional(String.self, "scripts", Self.name, "filter")
        let pageSize = try context.config.optional(Int.self, "scripts", Self.name, "page-size")

        let api = try context.restClient()
        let pages = api.pages(
            entityPath, query: filter.map { ["$filter": $0] } ?? [:], style: pageSize.map { .topSkip(pageSize: $0) })
        var invoices: [Invoice] = []
        var pageCount = 0
        do {
            for try await page in pages {
                pageCount = page.number
                for raw in try page.decode(RawInvoice.self) {
                    switch raw.validated() {
                    case .success(let invoice): invoices.append(invoice)
                    case .failure(let problem): context.results.failed("\(entityPath)/\(raw.identifier)", reason: problem.text)
                    }
                }
                context.logger.debug("Page \(page.number): \(page.items.count) invoices")
            }
        } catch let error as CircuitOpenError {
            let cause = error.helpfulError
            throw HelpfulError(
                problem: "Stopped after \(pageCount) pages (\(invoices.count) invoices): \(cause.problem)",
                solution: cause.solution + ". Nothing was written; run again when the service is back",
                example: cause.example, location: cause.location, exitCode: .scriptFailed)
        }
        context.logger.info("Read \(invoices.count) invoices in \(pageCount) pages from \(entityPath)")

        let workbook = InvoiceWorkbook(invoices: invoices)
        if context.isDryRun {
            context.logger.info("Dry run: would write \(invoices.count) invoices for \(workbook.customerCount) customers to output/\(fileName)")
            context.results.skipped("output/\(fileName)", reason: "dry run")
            return
        }
        let url = try context.output.saveXLSX(sheets: workbook.sheets, to: .output, name: fileName, timestamped: true)
        context.results.created("output/\(url.lastPathComponent)")
        context.logger.info("Wrote \(invoices.count) invoices for \(workbook.customerCount) customers to output/\(url.lastPathComponent)")
    }
}
