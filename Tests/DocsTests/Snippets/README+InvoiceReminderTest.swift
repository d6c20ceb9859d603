import Runbook
import RunbookTesting
import Testing

// The tour's step 4: the test of step 3's script.
// docs: README.md#2
@Test func remindsOverdueCustomers() async throws {
    let harness = ScriptHarness(InvoiceReminder.self)
    harness.http.route(.get, "/invoices", response: .json(200, #"""
        {"value": [{"number": "INV-1001", "daysOverdue": 45}, {"number": "INV-1002", "daysOverdue": 3}]}
        """#))
    let result = await harness.run()
    #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
    #expect(result.results?.items.updated.map(\.identifier) == ["invoice/INV-1001"])
    #expect(result.requests.map(\.path) == ["/invoices"])
}
// docs: end
