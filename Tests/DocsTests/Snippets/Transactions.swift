import Foundation
import Runbook
import RunbookTesting
import Testing

/// The output-transaction blocks of docs/cli.md and docs/writing-a-script.md, run inside a script.
struct TransactionSnippets: Script {
    static let name = "transaction-snippets"
    static let summary = "Runs the output-transaction code blocks of the guides"

    @Option var snippet = ""

    init() {}

    func run(_ context: ScriptContext) async throws {
        let rows: [[TableCell]] = [["INV-1", .decimal(try DecimalNumber(validating: "12.50"))]]
        let summary = XLSXSheet(name: "Summary", header: ["invoices"], rows: [[.integer(1)]])
        switch snippet {
        case "cli":
            // docs: docs/cli.md#1
            try await context.output.transaction { tx in
                try tx.saveCSV(header: ["id", "total"], rows: rows, to: .output, name: "invoices.csv", timestamped: true)
                try tx.saveXLSX(sheets: [summary], to: .output, name: "invoices-summary.xlsx", timestamped: true)
            }
            // docs: end
        default:
            // docs: docs/writing-a-script.md#8
            try await context.output.transaction { tx in
                try tx.saveCSV(header: ["id", "total"], rows: rows, to: .output, name: "invoices.csv", timestamped: true)
                try tx.saveXLSX(sheets: [summary], to: .output, name: "invoices-summary.xlsx", timestamped: true)
            }
            // docs: end
        }
    }
}

@Suite struct TransactionSnippetTests {
    @Test(arguments: ["cli", "guide"]) func bothFilesArePutInPlace(snippet: String) async throws {
        var harness = ScriptHarness(TransactionSnippets.self)
        harness.arguments = ["--snippet", snippet]
        let result = await harness.run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        let written = result.files(prefix: "output/invoices")
        #expect(written.keys.contains { $0.hasSuffix(".csv") })
        #expect(written.keys.contains { $0.hasSuffix(".xlsx") })
        #expect(result.results?.transactions.count == 1)
    }
}
