import Foundation
import Runbook
import RunbookTesting
import Synchronization
import Testing

/// The snippets of docs/http.md and the retry snippet of docs/writing-a-script.md, run by the harness.
struct HTTPGuideSnippets: Script {
    static let name = "http-guide-snippets"
    static let summary = "Runs the code blocks of docs/http.md"

    @Option var snippet = ""

    init() {}

    /// A busy SFTP server: the first upload fails.
    struct SFTPBusy: Error {}
    final class SFTP: Sendable {
        let attempts = Counter()
        func upload(_ file: URL, to path: String) async throws -> String {
            if attempts.next() == 1 { throw SFTPBusy() }
            return "stored \(path)"
        }
    }

    /// A database failing over: the first query fails.
    struct DatabaseBusy: Error {}
    final class Database: Sendable {
        let attempts = Counter()
        func query(_ sql: String) async throws -> [String] {
            if attempts.next() == 1 { throw DatabaseBusy() }
            return ["INV-1", "INV-2"]
        }
    }

    final class Counter: Sendable {
        private let value = Mutex(0)
        func next() -> Int { value.withLock { $0 += 1; return $0 } }
    }

    func run(_ context: ScriptContext) async throws {
        switch snippet {
        case "timeouts": try await timeouts(context)
        case "retry": try await retry(context)
        case "database": try await database(context)
        default: throw HelpfulError(problem: "unknown snippet \(snippet)", solution: "pass --snippet")
        }
    }

    func timeouts(_ context: ScriptContext) async throws {
        let api = try context.restClient()
        let archive = Data(count: 2 * 1024 * 1024)
        // docs: docs/http.md#1
        var upload = RestRequest(method: .put, path: "files/orders.zip", body: archive)
        upload.headerFields[.contentType] = "application/zip"
        _ = try await api.send(upload)                                        // 60 s + 5 s per MiB
        let report = try await api.get("reports/yearly", timeout: .seconds(900)) // one slow endpoint
        // docs: end
        context.logger.info("report \(report.status.code)")
    }

    func retry(_ context: ScriptContext) async throws {
        let sftp = SFTP()
        let file = URL(fileURLWithPath: "/tmp/orders.csv")
        // docs: docs/http.md#2
        let receipt = try await context.withRetry(operation: "sftp.example.com:22", isRetryable: { $0 is SFTPBusy }) { attempt in
            try await sftp.upload(file, to: "/in/orders.csv")
        }
        // docs: end
        context.logger.info("\(receipt)")
    }

    func database(_ context: ScriptContext) async throws {
        let database = Database()
        // docs: docs/writing-a-script.md#9
        let rows = try await context.withRetry(operation: "erp-db", isRetryable: { $0 is DatabaseBusy }) { attempt in
            try await database.query("SELECT number FROM invoices WHERE open = 1")
        }
        context.logger.info("\(rows.count) open invoices")
        // docs: end
    }
}

@Suite struct HTTPGuideTests {
    func run(_ snippet: String, configure: (inout ScriptHarness<HTTPGuideSnippets>) -> Void = { _ in }) async -> ScriptTestResult {
        var harness = ScriptHarness(HTTPGuideSnippets.self)
        harness.arguments = ["--snippet", snippet]
        configure(&harness)
        return await harness.run()
    }

    @Test func timeoutsFitTheUpload() async throws {
        let result = await run("timeouts") { harness in
            harness.http.route(.put, "/files/orders.zip", response: .json(200, "{}"))
            harness.http.route(.get, "/reports/yearly", response: .json(200, "{}"))
        }
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.requests(.put, "/files/orders.zip").map(\.timeout) == [.seconds(70)])
        #expect(result.requests(.get, "/reports/yearly").map(\.timeout) == [.seconds(900)])
    }

    @Test func retryingOtherWork() async throws {
        let result = await run("retry")
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.logLines.contains { $0.hasSuffix("stored /in/orders.csv") }, "\(result.logLines)")
        #expect(result.logLines.contains { $0.contains("sftp.example.com:22 attempt 1 failed with SFTPBusy; retry 1 of 5 in") })
    }

    @Test func writingGuideRetry() async throws {
        let result = await run("database")
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.logLines.contains { $0.hasSuffix("2 open invoices") }, "\(result.logLines)")
    }
}
