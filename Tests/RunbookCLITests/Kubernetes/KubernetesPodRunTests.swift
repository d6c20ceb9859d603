import Foundation
import RunbookTesting
import Runbook
@testable import RunbookCLI
import Testing

/// `runbook run <script> --targets FILE [--target-index N]`, the command of a pod: the target of the
/// index (the flag, else `JOB_COMPLETION_INDEX`), its record as the last line of standard output,
/// the compact record in the termination log, and the run's exit code for the pod failure policy.
@Suite struct KubernetesPodRunTests {
    static let targets = ["demo/test", "demo/prod", "broken/test"]

    static func lastLineRecord(_ stdout: String) throws -> RunRecord {
        let last = try #require(stdout.split(separator: "\n").last)
        return try JSONDecoder().decode(RunRecord.self, from: Data(last.utf8))
    }

    @Test func theIndexComesFromJobCompletionIndex() async throws {
        let project = try KubernetesTestSupport.project(targets: Self.targets)
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "--targets", "targets.yaml", "--termination-log", "term.log"], in: project,
                                       variables: ["JOB_COMPLETION_INDEX": "1"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let record = try Self.lastLineRecord(result.stdout)
        #expect(record.org == "demo" && record.env == "prod" && record.exitCode == 0)
        #expect(record.arguments == ["--limit", "2"], "the targets file's options")
        #expect(project.files(in: "output/demo-prod").contains { $0.hasPrefix("hello-world-report_") })
        let message = try JSONDecoder().decode(TerminationMessage.self, from: Data(contentsOf: project.root.appendingPathComponent("term.log")))
        #expect(message.targetIndex == 1 && message.org == "demo" && message.outcome == "succeeded")
        #expect(message.runId == record.runId.description)
    }

    @Test func theFlagWinsOverTheVariableAndJSONPrintsTheRecordOnce() async throws {
        let project = try KubernetesTestSupport.project(targets: Self.targets)
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "--targets", "targets.yaml", "--target-index", "0", "--json"], in: project,
                                       variables: ["JOB_COMPLETION_INDEX": "1"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try Self.lastLineRecord(result.stdout).env == "test")
        #expect(result.stdout.components(separatedBy: "\"runId\"").count == 2, "one record line: \(result.stdout)")
        #expect(!result.stderr.contains("termination log"), "the missing default path is skipped without a word")
    }

    @Test func aBrokenTargetEndsWith78AndSaysSoInTheTerminationLog() async throws {
        let project = try KubernetesTestSupport.project(targets: Self.targets)
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "--targets", "targets.yaml", "--target-index", "2",
                                        "--termination-log", "term.log"], in: project)
        #expect(result.exitCode == 78)
        #expect(try Self.lastLineRecord(result.stdout).outcome == .configurationError)
        let message = try JSONDecoder().decode(TerminationMessage.self, from: Data(contentsOf: project.root.appendingPathComponent("term.log")))
        #expect(message.exitCode == 78 && message.error?.problem.contains("broken-test-config.yaml") == true)
    }

    @Test(arguments: [
        (["--target-index", "3"], [String: String](), "Target index 3 is out of range: targets.yaml lists 3 targets"),
        ([], [:], "neither --target-index nor JOB_COMPLETION_INDEX is set"),
        ([], ["JOB_COMPLETION_INDEX": "two"], "JOB_COMPLETION_INDEX is 'two', not a target index"),
        (["--target-index=-1"], [:], "--target-index -1 is negative"),
    ])
    func aMissingOrWrongIndexIsAUsageError(extra: [String], variables: [String: String], problem: String) async throws {
        let project = try KubernetesTestSupport.project(targets: Self.targets)
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "--targets", "targets.yaml", "--termination-log", "term.log"] + extra, in: project,
                                       variables: variables)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains(problem), "\(result.stderr)")
        let message = try JSONDecoder().decode(TerminationMessage.self, from: Data(contentsOf: project.root.appendingPathComponent("term.log")))
        #expect(message.exitCode == 64 && message.outcome == "usageError")
    }

    @Test func targetsFlagsAreUsedTogether() async throws {
        let project = try KubernetesTestSupport.project(targets: Self.targets)
        defer { project.remove() }
        let both = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test", "--targets", "targets.yaml"], in: project)
        #expect(both.exitCode == 64 && both.stderr.contains("give no <org> <env>"), "\(both.stderr)")
        let alone = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test", "--target-index", "0"], in: project)
        #expect(alone.exitCode == 64 && alone.stderr.contains("need --targets FILE"), "\(alone.stderr)")
    }

    @Test func anUnwritableTerminationLogIsAWarning() async throws {
        let project = try KubernetesTestSupport.project(targets: Self.targets)
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "--targets", "targets.yaml", "--target-index", "0",
                                        "--termination-log", "no-such-folder/term.log"], in: project)
        #expect(result.exitCode == 0)
        #expect(result.stderr.contains("Cannot write the termination log no-such-folder/term.log"), "\(result.stderr)")
    }

    @Test func aPodWritesItsMetricsLikeAnyRun() async throws {
        let project = try KubernetesTestSupport.project(targets: Self.targets)
        defer { project.remove() }
        let metrics = project.root.appendingPathComponent("run.prom")
        let result = await CLITester.helloWorld.run(["run", "hello-world", "--targets", "targets.yaml", "--target-index", "1",
                                        "--metrics-file", metrics.path], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let text = try String(contentsOf: metrics, encoding: .utf8)
        #expect(text.contains("org=\"demo\"") && text.contains("env=\"prod\""), "\(text)")
        #expect(try Self.lastLineRecord(result.stdout).env == "prod", "the record is still the last line")
    }
}
