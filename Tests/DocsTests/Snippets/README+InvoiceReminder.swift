// docs: README.md#1
public import Runbook   // public: the script type is public (InternalImportsByDefault)

public struct InvoiceReminder: Script {
    public static let name = "invoice-reminder"
    public static let summary = "Emails customers whose invoices are overdue"

    @Option(help: "Only remind about invoices overdue this many days") var days = 30

    public init() {}

    struct Invoice: Decodable {
        let number: String
        let daysOverdue: Int
    }

    public func run(_ context: ScriptContext) async throws {
        let api = try context.restClient()                    // global.api-base-url, resilience, OAuth
        let pageSize = try context.config.require(Int.self, "script-behavior", "batch-handling", "read-batch-size")
        context.logger.info("Looking for invoices overdue \(days) days, \(pageSize) per page")
        for try await page in api.pages("invoices") {
            for invoice in try page.decode(Invoice.self) where invoice.daysOverdue >= days {
                // … send the reminder, then:
                context.results.updated("invoice/\(invoice.number)")
            }
        }
    }
}
// docs: end
