import CustomerSync
import DemoAPI
import Foundation
import InvoiceExport
import Runbook
import RunbookTesting
import Testing

/// The example scripts end to end against the demo API in-process (`ScriptHarness.liveBaseURL`).
@Suite struct DemoAPIScriptTests {
    @Test func customerSyncUpsertsIntoTheDemoAPI() async throws {
        let server = DemoAPIServer(options: DemoAPIOptions(port: 0, seed: DemoSeed(items: 0)))
        try server.start()
        defer { server.stop() }
        var harness = ScriptHarness(CustomerSync.self)
        harness.liveBaseURL = server.apiBaseURL
        harness.files["data/customers.csv"] = Data("""
            number,displayName,email,city,country
            C001,Adatum Corporation,billing@adatumcorporation.example,Oslo,NO
            C002,Trey Research,accounts@treyresearch.example,Stockholm,SE
            C020,Contoso Ltd,ap@contoso.example,Bergen,NO

            """.utf8)
        let result = await harness.run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.summary == "✅ All 2 operations successful: 1 created, 1 updated, 1 skipped")
        #expect(server.customer("C002")?.email == "accounts@treyresearch.example")
        #expect(server.customer("C002")?.version == 2)
        #expect(server.customer("C020") == DemoCustomer(
            number: "C020", displayName: "Contoso Ltd", email: "ap@contoso.example", city: "Bergen", country: "NO"))
        #expect(server.requestLog == [
            "GET /api/v2.0/customers(C001)", "GET /api/v2.0/customers(C002)", "PATCH /api/v2.0/customers(C002)",
            "GET /api/v2.0/customers(C020)", "POST /api/v2.0/customers",
        ])
    }

    @Test func invoiceExportReadsEveryPageOfTheDemoAPI() async throws {
        let server = DemoAPIServer(options: DemoAPIOptions(port: 0, seed: DemoSeed(items: 0)))
        try server.start()
        defer { server.stop() }
        var harness = ScriptHarness(InvoiceExport.self)
        harness.liveBaseURL = server.apiBaseURL
        harness.config = ScriptHarness<InvoiceExport>.defaultConfig + "scripts:\n  invoice-export:\n    page-size: 50\n"
        let result = await harness.run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.summary == "✅ 1 operation successful: 1 created, 0 updated")
        #expect(server.count("GET", "/api/v2.0/invoices") == 3)
        let run = try #require(result.results?.runId.short)
        #expect(result.logLines.contains { $0.hasSuffix("Wrote 120 invoices for 8 customers to output/invoices_2025-01-25T143045Z_\(run).xlsx") })
        #expect(result.files(prefix: "output/invoices_2025-01-25T143045Z_\(run).xlsx").count == 1)
    }
}
