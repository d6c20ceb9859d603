import Foundation
import HelloWorld
import Runbook
import RunbookTesting
import Testing

/// `CLITester`: the real command tree in-process, its streams, exit code and golden-text checks.
@Suite struct CLITesterTests {
    static let listing = "hello-world  Greets everyone in data/people.csv and writes a timestamped report (no network)\n"

    @Test func runsTheCommandTreeWithTheGivenScripts() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        let result = await CLITester(scripts: [HelloWorld.self]).run(["list"], in: workspace)
        #expect(result == CLIResult(exitCode: 0, stdout: Self.listing, stderr: ""))
        let none = await CLITester(scripts: []).run(["run", "hello-world", "demo", "test"], in: workspace)
        #expect(none.exitCode == 64)
    }

    @Test func outputKeepsTheOrderTheStreamsWereWrittenIn() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        try workspace.writeConfig(BrokenConfigCase.validYAML, layer: .orgEnv)
        let result = await CLITester(scripts: [HelloWorld.self], clock: ManualClock()).run(["run", "hello-world", "demo", "test", "--json"], in: workspace)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!result.stderr.isEmpty && !result.stdout.isEmpty)
        // The log lines come before the record (--json).
        #expect(result.output == result.stderr + result.stdout)
    }

    @Test func variablesOfARunAddToAndOverrideTheTestersVariables() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        try workspace.writeConfig(BrokenConfigCase.validYAML, layer: .orgEnv)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-nowhere-\(UUID().uuidString)")
        let tester = CLITester(scripts: [HelloWorld.self], variables: ["NO_COLOR": "1", "RUNBOOK_PROJECT_ROOT": elsewhere.path])
        let there = await tester.run(["validate", "demo", "test"], in: workspace)
        #expect(there.exitCode == 78, "\(there.stderr)")
        let here = await tester.run(["validate", "demo", "test"], in: workspace, variables: ["RUNBOOK_PROJECT_ROOT": workspace.root.path])
        #expect(here.exitCode == 0, "\(here.stderr)")
    }

    @Test func expectPassesOnTheExactTextAndReturnsTheResult() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        let result = try await CLITester.helloWorld.expect(["list"], in: workspace, stdout: Self.listing, stderr: "", output: Self.listing)
        #expect(result.exitCode == 0)
    }

    @Test func expectThrowsADiffForOtherTextAndForAnotherExitCode() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        await #expect(throws: GoldenTextMismatch(what: "stdout of runbook list", diff: """
            -hello-world  Greets everyone
            +hello-world  Greets everyone in data/people.csv and writes a timestamped report (no network)
             \n
            """)) {
            try await CLITester.helloWorld.expect(["list"], in: workspace, stdout: "hello-world  Greets everyone\n")
        }
        let mismatch = await #expect(throws: GoldenTextMismatch.self) {
            try await CLITester.helloWorld.expect(["valdate", "demo", "test"], in: workspace)
        }
        #expect(mismatch?.what.hasPrefix("exit code of runbook valdate demo test") == true)
        #expect(mismatch?.diff.hasPrefix("-0\n+64\n") == true)
    }

    @Test func expectHelpComparesTheHelpOfACommand() async throws {
        let workspace = try TestWorkspace.cli()
        defer { workspace.remove() }
        let help = await CLITester.helloWorld.run(["list", "--help"], in: workspace).stdout
        #expect(help.hasPrefix("OVERVIEW: "), "\(help)")
        try await CLITester.helloWorld.expectHelp(for: ["list"], in: workspace, equals: help)
        await #expect(throws: GoldenTextMismatch.self) {
            try await CLITester.helloWorld.expectHelp(for: ["list"], in: workspace, equals: "OVERVIEW: something else\n")
        }
    }
}
