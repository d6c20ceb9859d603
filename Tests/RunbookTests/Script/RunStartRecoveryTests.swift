import Foundation
import Runbook
import RunbookTesting
import Testing

/// At its start, a run finishes the output transactions a killed run had committed (journal
/// written, renames not done), before it removes stale temporary files.
@Suite struct RunStartRecoveryTests {
    struct Quiet: Script {
        static let name = "quiet"
        static let summary = "does nothing"
        init() {}
        func run(_ context: ScriptContext) async throws {}
    }

    @Test func aCommittedTransactionOfAKilledRunIsFinished() async throws {
        let pid = try ChildProcess.deadPID()
        let host = RetentionTests.hostHash
        let staged = "output/.pair.csv.tmp-\(host)-\(pid)-00000000000000a1"
        let journal = #"{"format":"runbook-transaction/1","id":"dead-1","host":"\#(host)","pid":\#(pid),"#
            + #""renames":[{"from":"output/.pair.csv.tmp-\#(host)-\#(pid)-00000000000000a0","to":"output/pair.csv"},{"from":"\#(staged)","to":"output/pair-manifest.json"}]}"#
        var harness = ScriptHarness(Quiet.self)
        harness.files = [
            "output/pair.csv": Data("renamed before the kill".utf8),
            staged: Data("the manifest".utf8),
            "tmp/runbook-transactions/transaction_dead-1.json": Data(journal.utf8),
            // Staged by a transaction that never reached its journal: rolled back.
            "output/.lonely.csv.tmp-\(host)-\(pid)-00000000000000a2": Data("half".utf8),
        ]
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.files["output/pair-manifest.json"] == Data("the manifest".utf8))
        #expect(result.logLines.contains { $0.contains("Completed 1 file of transactions of interrupted runs: output/pair-manifest.json") })
        #expect(result.logLines.contains { $0.contains("Removed 1 temporary file left by killed runs: output/.lonely.csv.tmp-") })
    }
}
