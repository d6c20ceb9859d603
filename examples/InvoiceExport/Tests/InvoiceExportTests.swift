import Foundation
@testable import InvoiceExport
import Runbook
import RunbookTesting
import Testing

@Suite struct InvoiceExportTests {
    static func invoice(_ number: String, _ customer: String, _ name: String, status: String, total: String) -> String {
        #"{"@odata.etag":"W/\"1\"","number":"\#(number)","customerNumber":"\#(customer)","customerName":"\#(name)","#
            + #""invoiceDate":"2025-01-02","dueDate":"2025-02-01","status":"\#(status)","currencyCode":"EUR","#
            + #""totalAmountExcludingTax":100,"totalTaxAmount":25,"totalAmountIncludingTax":\#(total)}"#
    }

    static let firstPage = #"{"value":["# + invoice("INV-1", "C002", "Trey Research", status: "Open", total: "125")
        + "," + invoice("INV-2", "C001", "Adatum", status: "Paid", total: "125") + #"],"#
        + #""@odata.nextLink":"http://api.test/invoices?$top=2&$skip=2"}"#

    func harness(secondPage: String = #"{"value":["# + invoice("INV-3", "C002", "Trey Research", status: "Overdue", total: "125.5") + "]}")
        -> ScriptHarness<InvoiceExport>
    {
        var harness = ScriptHarness(InvoiceExport.self)
        harness.config = ScriptHarness<InvoiceExport>.defaultConfig + "scripts:\n  invoice-export:\n    page-size: 2\n"
        harness.http.route(.get, "/invoices", responses: [.json(200, Self.firstPage), .json(200, secondPage)])
        return harness
    }

    @Test func pagesThroughTheInvoicesAndWritesATimestampedWorkbook() async throws {
        let result = await harness().run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.summary == "✅ 1 operation successful: 1 created, 0 updated")
        #expect(result.requests.map { $0.url?.absoluteString } == [
            "http://api.test/invoices?$top=2", "http://api.test/invoices?$top=2&$skip=2",
        ])
        let run = try #require(result.results?.runId.short)
        let workbook = try #require(result.files["output/invoices_2025-01-25T143045Z_\(run).xlsx"])
        #expect(workbook.starts(with: Data("PK".utf8)))
        #expect(workbook.range(of: Data("xl/worksheets/sheet2.xml".utf8)) != nil)
        #expect(result.results?.items.created == [.init(identifier: "output/invoices_2025-01-25T143045Z_\(run).xlsx")])
        #expect(result.logLines.contains { $0.hasSuffix("Wrote 3 invoices for 2 customers to output/invoices_2025-01-25T143045Z_\(run).xlsx") })
    }

    @Test func theSheetsSummarisePerCustomerAndListEveryInvoice() throws {
        let raw = try JSONDecoder().decode([RawInvoice].self, from: Data(("[" + [
            Self.invoice("INV-1", "C002", "Trey Research", status: "Open", total: "125"),
            Self.invoice("INV-2", "C001", "Adatum", status: "Paid", total: "125"),
            Self.invoice("INV-3", "C002", "Trey Research", status: "Overdue", total: "125.5"),
        ].joined(separator: ",") + "]").utf8))
        let workbook = InvoiceWorkbook(invoices: try raw.map { try $0.validated().get() })
        #expect(workbook.sheets.map(\.name) == ["Summary", "Details"])
        // Money is exact decimal text, in cents: never a binary double such as 12967.199999999999.
        func money(_ text: String) throws -> TableCell { .decimal(try DecimalNumber(validating: text)) }
        #expect(workbook.summaryRows == [
            ["C001", "Adatum", 1, try money("100.00"), try money("125.00"), try money("0.00")],
            ["C002", "Trey Research", 2, try money("200.00"), try money("250.50"), try money("250.50")],
            ["Total", "", 3, try money("300.00"), try money("375.50"), try money("250.50")],
        ])
        #expect(workbook.detailRows.first == [
            "INV-1", "C002", "Trey Research", "2025-01-02", "2025-02-01", "Open", "EUR",
            try money("100.00"), try money("25.00"), try money("125.00"),
        ])
        #expect(workbook.detailRows.count == 3)
    }

    @Test func anIncompleteInvoiceIsAFailedResultAndLeftOut() async throws {
        let broken = #"{"value":[{"number":"INV-3","customerNumber":"C002","totalAmountIncludingTax":"n/a"}]}"#
        let result = await harness(secondPage: broken).run()
        #expect(result.exitCode == .completedWithFailures)
        #expect(result.summary == "❌ Completed with 1 failure: 1 created, 0 updated, 1 failed")
        #expect(result.results?.items.failed == [
            .init(identifier: "invoices/INV-3", reason: "invoice INV-3 has no totalAmountIncludingTax (a number)"),
        ])
        let run = try #require(result.results?.runId.short)
        #expect(result.logLines.contains { $0.hasSuffix("Wrote 2 invoices for 2 customers to output/invoices_2025-01-25T143045Z_\(run).xlsx") })
    }

    @Test func dryRunWritesNoWorkbook() async throws {
        var harness = harness()
        harness.isDryRun = true
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.files(prefix: "output/invoices_").isEmpty)
        #expect(result.summary == "✅ No changes: 0 created, 0 updated, 1 skipped")
    }

    @Test func aPageSizeOfZeroIsAConfigurationError() async throws {
        var harness = harness()
        harness.config = ScriptHarness<InvoiceExport>.defaultConfig + "scripts:\n  invoice-export:\n    page-size: 0\n"
        let result = await harness.run()
        #expect(result.exitCode == .configuration)
        #expect(result.error?.details == ["inline-config.yaml:6:16: scripts.invoice-export.page-size: must be ≥ 1, found 0"])
        #expect(result.requests.isEmpty)
    }

    @Test func anOutageOpensTheCircuitBreakerAndStopsTheExport() async throws {
        var harness = harness()
        harness.config = """
            global:
              api-base-url: http://api.test/
            script-behavior:
              retry-strategy: {max-retries: 5, backoff-factor: 2.0}
              jitter: {min-factor: 1.0, max-factor: 1.0}
              circuit-breaker: {enabled: true, failure-threshold: 3, timeout-seconds: 60}

            """
        harness.http.route(.get, "/invoices", response: .json(503, #"{"error":{"message":"maintenance"}}"#))
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error?.problem == "Stopped after 0 pages (0 invoices): Circuit breaker for api.test is open for another "
            + "56 s after repeated failures (transport errors, timeouts or 5xx)")
        #expect(result.requests.count == 3)
        #expect(result.sleeps == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(result.files(prefix: "output/invoices_").isEmpty)
    }
}
