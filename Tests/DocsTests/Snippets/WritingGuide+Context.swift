import Foundation
import Runbook
import RunbookTesting
import Testing

/// The snippets of docs/writing-a-script.md that run inside a script's `run(_:)`, each run by the harness.
struct WritingGuideSnippets: Script {
    static let name = "writing-guide-snippets"
    static let summary = "Runs the code blocks of docs/writing-a-script.md"

    @Option var snippet = ""

    init() {}

    struct Customer: Decodable { let number: String }
    struct Invoice: Decodable {
        let number: String
        let daysOverdue: Int
    }

    func run(_ context: ScriptContext) async throws {
        switch snippet {
        case "config": try readingConfiguration(context)
        case "api": try await callingAnAPI(context)
        case "pages": try await pages(context)
        case "tables": try tables(context)
        case "clock": clock(context)
        case "failing": try failingWell()
        default: throw HelpfulError(problem: "unknown snippet \(snippet)", solution: "pass --snippet")
        }
    }

    func readingConfiguration(_ context: ScriptContext) throws {
        // docs: docs/writing-a-script.md#2
        let retries = try context.config.require(Int.self, "script-behavior", "retry-strategy", "max-retries")
        let version = try context.config.optional(String.self, "global", "api-version")   // nil only if absent
        struct Batch: Decodable { let readBatchSize: Int
            enum CodingKeys: String, CodingKey { case readBatchSize = "read-batch-size" } }
        let batch = try context.config.decode(Batch.self, "script-behavior", "batch-handling")
        // docs: end
        context.logger.info("retries \(retries), version \(version ?? "none"), read batch \(batch.readBatchSize)")
    }

    func callingAnAPI(_ context: ScriptContext) async throws {
        let id = "C001"
        let update = ["email": "new@example.com"]
        let etag = "W/\"1\""
        var invoices: [Invoice] = []
        // docs: docs/writing-a-script.md#3
        let api = try context.restClient()
        let customer: Customer = try await api.get("customers/\(id)").decode(Customer.self)
        try await api.patch("customers/\(id)", json: update, ifMatch: etag)
        for try await page in api.pages("invoices", query: ["$filter": "status eq 'open'"]) {
            invoices += try page.decode(Invoice.self)
        }
        // docs: end
        context.logger.info("customer \(customer.number), \(invoices.count) open invoices")
    }

    func pages(_ context: ScriptContext) async throws {
        let api = try context.restClient()
        // docs: docs/writing-a-script.md#4
        for try await page in api.pages("invoices") {
            context.logger.info("Page \(page.number): \(page.items.count) invoices")
            for invoice in try page.decode(Invoice.self) where invoice.daysOverdue > 30 {
                context.results.updated("invoice/\(invoice.number)")
            }
        }
        let all = try await api.pages("invoices").collect(Invoice.self)   // every page, in order
        // docs: end
        context.logger.info("\(all.count) invoices in all")
    }

    func tables(_ context: ScriptContext) throws {
        // docs: docs/writing-a-script.md#5
        let header = ["number", "days overdue", "total", "disputed", "reminded"]
        let rows: [[TableCell]] = [
            ["INV-1001", 45, .decimal(try DecimalNumber(validating: "12967.20")), false, .date(context.clock.now())],
            ["INV-1002", 3, .decimal(try DecimalNumber(validating: "99.50")), true, nil],
        ]
        let csv = try context.output.saveCSV(header: header, rows: rows, to: .output, name: "reminders.csv", timestamped: true)
        let workbook = try context.output.saveXLSX(sheets: [
            XLSXSheet(name: "Reminders", header: header, rows: rows),
            XLSXSheet(name: "Totals", rows: [["total", .decimal(try DecimalNumber(validating: "13066.70"))]]),
        ], to: .output, name: "reminders.xlsx", timestamped: true)
        context.logger.info("Wrote output/\(csv.lastPathComponent) and output/\(workbook.lastPathComponent)")
        // docs: end
    }

    func clock(_ context: ScriptContext) {
        // docs: docs/writing-a-script.md#6
        let now = context.clock.now()
        let today = String(now.ISO8601Format().prefix(10))   // "2025-01-25" (UTC); Date's API needs import Foundation
        context.logger.info("Invoices due before \(today) are overdue")
        // docs: end
    }

    func failingWell() throws {
        // docs: docs/writing-a-script.md#7
        throw HelpfulError(
            problem: "data/customers.csv has no 'email' column",
            solution: "Add an 'email' column to the header line",
            example: "id,name,email",
            location: .file("data/customers.csv", line: 1, column: 1))
        // docs: end
    }
}

@Suite struct WritingGuideTests {
    func run(_ snippet: String, configure: (inout ScriptHarness<WritingGuideSnippets>) -> Void = { _ in }) async -> ScriptTestResult {
        var harness = ScriptHarness(WritingGuideSnippets.self)
        harness.arguments = ["--snippet", snippet]
        configure(&harness)
        return await harness.run()
    }

    @Test func theShapeOfAScriptRuns() async throws {
        let result = await ScriptHarness(OverdueInvoices.self).run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.logLines.contains { $0.hasSuffix("Reminding customers 30 days overdue, from billing@example.com") })
    }

    @Test func readingConfigurationRuns() async throws {
        let result = await run("config")
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.logLines.contains { $0.hasSuffix("retries 5, version none, read batch 20") }, "\(result.logLines)")
    }

    @Test func callingAnAPIRuns() async throws {
        let result = await run("api") { harness in
            harness.http.route(.get, "/customers/C001", response: .json(200, #"{"number": "C001"}"#))
            harness.http.route(.patch, "/customers/C001", response: .json(200, "{}"))
            harness.http.route(.get, "/invoices", response: .json(200, #"{"value": [{"number": "INV-1", "daysOverdue": 3}]}"#))
        }
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.requests(.patch, "/customers/C001").first?.header("If-Match") == "W/\"1\"")
        #expect(result.requests(.get, "/invoices").first?.query.contains(URLQueryItem(name: "$filter", value: "status eq 'open'")) == true)
        #expect(result.logLines.contains { $0.hasSuffix("customer C001, 1 open invoices") })
    }

    @Test func pagesRun() async throws {
        let result = await run("pages") { harness in
            harness.http.route(.get, "/invoices", response: .json(200, #"{"value": [{"number": "INV-1", "daysOverdue": 45}, {"number": "INV-2", "daysOverdue": 3}]}"#))
        }
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.results?.items.updated.map(\.identifier) == ["invoice/INV-1"])
        #expect(result.logLines.contains { $0.hasSuffix("Page 1: 2 invoices") })
        #expect(result.logLines.contains { $0.hasSuffix("2 invoices in all") })
    }

    @Test func tablesAreWrittenWithExactDecimals() async throws {
        let result = await run("tables")
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.files(prefix: "output/reminders_2025-01-25T143045Z_").first { $0.key.hasSuffix(".csv") }.map { String(decoding: $0.value, as: UTF8.self) } == """
            number,days overdue,total,disputed,reminded\r
            INV-1001,45,12967.20,false,2025-01-25T14:30:45Z\r
            INV-1002,3,99.50,true,\r

            """)
        #expect(result.files(prefix: "output/reminders_2025-01-25T143045Z_").keys.contains { $0.hasSuffix(".xlsx") })
    }

    @Test func theClockSaysWhatDayItIs() async throws {
        let result = await run("clock")
        #expect(result.logLines.contains { $0.hasSuffix("Invoices due before 2025-01-25 are overdue") })
    }

    @Test func failingWellThrowsTheHelpfulError() async throws {
        let result = await run("failing")
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error?.location == .file("data/customers.csv", line: 1, column: 1))
    }
}
