import Foundation
import Runbook
import RunbookTesting
import Testing

/// The runner puts the clients' measurements into the run record and shows a line per host.
@Suite struct RunRecordMetricsTests {
    struct TwoCalls: Script {
        static let name = "two-calls"
        static let summary = "Calls the API twice"
        init() {}
        func run(_ context: ScriptContext) async throws {
            let api = try context.restClient()
            _ = try await api.get("customers/1")
            _ = try await api.get("customers/2")
            context.results.updated("customer/1")
        }
    }

    @Test func theRecordCarriesPerHostMetricsAndTheConsoleALine() async throws {
        var harness = ScriptHarness(TwoCalls.self)
        harness.http.route(.get, "/customers/*", response: .json(200, "{}"))
        let result = await harness.run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        let hosts = try #require(result.results?.metrics).hosts
        #expect(hosts.map(\.calls) == [2])
        #expect(hosts.map(\.attempts) == [2])
        #expect(hosts.first?.callLatency.count == 2)
        let host = try #require(hosts.first?.host)
        #expect(result.logLines.contains { $0.contains("\(host): 2 calls") }, "\(result.logLines)")
    }

    struct NoCalls: Script {
        static let name = "no-calls"
        static let summary = "Makes no client"
        init() {}
        func run(_ context: ScriptContext) async throws { context.results.created("x") }
    }

    @Test func aRunWithoutClientsHasNoMetrics() async {
        let result = await ScriptHarness(NoCalls.self).run()
        #expect(result.exitCode == .success)
        #expect(result.results?.metrics == nil)
    }
}
