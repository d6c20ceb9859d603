import Foundation
import RunbookTesting
import Testing

/// The error codes through the CLI: `runbook docs errors` prints docs/errors.md, and each kind of
/// failure a user meets first shows its code in the first line, in the JSON and in the record.
@Suite struct ErrorCodeCLITests {
    @Test func docsErrorsPrintsTheCheckedInReference() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["docs", "errors"], in: project)
        #expect(result.exitCode == 0)
        let checkedIn = try String(
            contentsOf: SourceTree.root.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        #expect(result.stdout == checkedIn, "docs/errors.md is stale: run `swift run runbook docs errors > docs/errors.md`")
        #expect(result.stdout.contains("| <a id=\"rb-cfg-010\"></a>`RB-CFG-010` |"))
    }

    @Test func docsWithAnUnknownTopicIsAUsageError() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["docs", "mistakes"], in: project)
        #expect(result.exitCode == 64)
        #expect(result.stderr.hasPrefix("❌ Problem [RB-USG-001]: "), "\(result.stderr)")
        #expect(result.stderr.contains("config") && result.stderr.contains("errors"), "\(result.stderr)")
    }

    static let failures: [(arguments: [String], code: String, exitCode: Int32)] = [
        (["run", "hello-world", "demo", "nowhere"], "RB-CFG-001", 78),
        (["run", "hello-world", "Demo", "test"], "RB-CFG-021", 78),
        (["run", "helo-world", "demo", "test"], "RB-USG-002", 64),
        (["run", "hello-world"], "RB-USG-003", 64),
        (["show", "ffff"], "RB-USG-011", 64),
        (["config", "demo", "test", "--explain", "global.api-base-ur"], "RB-CFG-011", 78),
    ]

    @Test(arguments: failures)
    func theCodeIsInTheTextAndTheJSON(_ failure: (arguments: [String], code: String, exitCode: Int32)) async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        let plain = await CLITester.helloWorld.run(failure.arguments, in: project)
        #expect(plain.exitCode == failure.exitCode, "\(plain.stderr)")
        #expect(plain.stderr.contains("❌ Problem [\(failure.code)]: "), "\(plain.stderr)")
        let json = await CLITester.helloWorld.run(failure.arguments + ["--json"], in: project)
        let last = try #require(json.stderr.split(separator: "\n").last, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: [String: Any]]
        #expect(object?["error"]?["code"] as? String == failure.code, "\(json.stderr)")
    }

    @Test func theRecordOfAFailedRunKeepsTheCodeAndShowPrintsIt() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML.replacingOccurrences(
            of: "burst-size: 2", with: "burst-size: 1.5"))
        let run = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test"], in: project)
        #expect(run.exitCode == 78)
        let name = try #require(project.files(in: "output").first { $0.contains("-results_") })
        let data = try Data(contentsOf: project.root.appendingPathComponent("output/" + name))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let error = try #require(record["error"] as? [String: Any])
        #expect(error["code"] as? String == "RB-CFG-010")
        let runID = try #require(record["runId"] as? String)
        let show = await CLITester.helloWorld.run(["show", runID], in: project)
        #expect(show.exitCode == 0, "\(show.stderr)")
        #expect(show.stdout.contains("error           [RB-CFG-010] config/demo-test-config.yaml does not match"), "\(show.stdout)")
    }
}
