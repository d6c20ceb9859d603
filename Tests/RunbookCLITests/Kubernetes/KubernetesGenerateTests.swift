import Foundation
import JSONSchema
import Runbook
@testable import RunbookCLI
import RunbookTesting
import Testing

/// `runbook kubernetes <script> …` through the CLI: the YAML stream or the folder, read back with
/// Runbook's own YAML reader; bad input refused before anything is written; `--rerun-failed`.
@Suite struct KubernetesGenerateTests {
    static func read<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let node = try ConfigDocumentReader().parse(Array(text.utf8), displayPath: "manifest.yaml", source: 1)
        return try JSONNodeDecoder().decode(type, from: node)
    }

    @Test func theStreamHoldsTheConfigMapThenTheJob() async throws {
        let project = try KubernetesTestSupport.project(targets: ["demo/test", "demo/prod", "acme/test"])
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["kubernetes", "hello-world", "--targets", "targets.yaml", "--image", "runbook:1.0",
                                        "--parallelism", "2"], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let documents = result.stdout.components(separatedBy: "---\n").filter { !$0.isEmpty }
        try #require(documents.count == 2)
        let configMap = try Self.read(ConfigMapObject.self, documents[0])
        let targetsFile = try String(contentsOf: project.root.appendingPathComponent("targets.yaml"), encoding: .utf8)
        #expect(configMap.data.targets == targetsFile && configMap.metadata.name == "runbook-hello-world-targets")
        let job = try Self.read(JobObject.self, documents[1])
        #expect(job.spec.completions == 3 && job.spec.parallelism == 2 && job.spec.backoffLimitPerIndex == 2)
        #expect(job.spec.template.spec.volumes?.first?.configMap?.name == configMap.metadata.name)
        #expect(KubernetesManifestTests.crossFieldProblems(job.spec, targets: 3) == [])
    }

    @Test func badInputIsRefusedBeforeAnythingIsWritten() async throws {
        let project = try KubernetesTestSupport.project(targets: ["demo/test"])
        defer { project.remove() }
        try project.write("bad-targets.yaml", "targets:\n  - { org: demo, env: test, options: { bogus: 1 } }\n")
        let cases: [([String], Int32, String)] = [
            (["--targets", "bad-targets.yaml"], 64, "hello-world does not accept these options"),
            (["--targets", "targets.yaml", "--schedule", "every night"], 64, "is not a cron schedule"),
            (["--targets", "targets.yaml", "--name", "Nightly_Sync"], 64, "is not a valid name"),
            ([], 64, "needs --targets FILE"),
        ]
        for (arguments, code, problem) in cases {
            let result = await CLITester.helloWorld.run(["kubernetes", "hello-world", "--image", "runbook:1.0", "--output", "k8s"] + arguments, in: project)
            #expect(result.exitCode == code, "\(arguments)")
            #expect(result.stderr.contains(problem), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("k8s").path))
        }
        let unknown = await CLITester.helloWorld.run(["kubernetes", "no-such-script", "--targets", "targets.yaml", "--image", "runbook:1.0"], in: project)
        #expect(unknown.exitCode == 64)
    }

    @Test func argumentsTurnBackIntoOptions() throws {
        let options = try RerunTargetsFile.options(["--limit", "10", "--dry-run", "--tag", "a", "--tag=b", "--mode=x"],
                                                   target: "acme/prod", record: "fleet.json")
        let text = options.map { name, value -> String in
            switch value {
            case .flag: "\(name)=true"
            case .values(let values): "\(name)=\(values.joined(separator: ","))"
            }
        }
        #expect(text == ["limit=10", "dry-run=true", "tag=a,b", "mode=x"])
        #expect(throws: HelpfulError.self) { try RerunTargetsFile.options(["stray"], target: "acme/prod", record: "fleet.json") }
    }

    @Test func rerunFailedRunsOnlyTheTargetsThatDidNotSucceedWithFreshIndexes() async throws {
        let project = try KubernetesTestSupport.project(targets: ["demo/test", "demo/prod", "acme/test"])
        defer { project.remove() }
        let entries = [
            FleetRecord.Entry(index: 0, org: "demo", env: "test", arguments: ["--limit", "2"], status: .finished,
                              outcome: .succeeded, exitCode: 0, attempts: 1),
            FleetRecord.Entry(index: 1, org: "demo", env: "prod", arguments: ["--limit", "2"], status: .finished,
                              outcome: .temporaryFailure, exitCode: 75, attempts: 1),
            FleetRecord.Entry(index: 2, org: "acme", env: "test", arguments: ["--limit=1"], status: .pending),
        ]
        let record = FleetRecord(fleetId: RunID.generate(at: Date()), script: "hello-world", startedAt: Date(), state: .interrupted,
                                 maxParallel: 2, targets: entries)
        try project.write("output/fleet.json", try record.jsonData())
        let result = await CLITester.helloWorld.run(["kubernetes", "hello-world", "--rerun-failed", "output/fleet.json", "--image", "runbook:1.0",
                                        "--output", "rerun"], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let job = try Self.read(JobObject.self, String(contentsOf: project.root.appendingPathComponent("rerun/job.yaml"), encoding: .utf8))
        #expect(job.metadata.name == "runbook-hello-world-rerun" && job.spec.completions == 2)
        let configMap = try Self.read(ConfigMapObject.self,
                                      String(contentsOf: project.root.appendingPathComponent("rerun/configmap.yaml"), encoding: .utf8))
        let file = project.root.appendingPathComponent("rerun-targets.yaml")
        try Data(configMap.data.targets.utf8).write(to: file)
        let targets = try FleetTargetsFile.load(file, projectRoot: project.root)
        #expect(targets == [FleetTarget(org: "demo", env: "prod", arguments: ["--limit", "2"], index: 0),
                            FleetTarget(org: "acme", env: "test", arguments: ["--limit", "1"], index: 1)])
        let allGood = FleetRecord(fleetId: RunID.generate(at: Date()), script: "hello-world", startedAt: Date(), maxParallel: 1,
                                  targets: [entries[0]])
        try project.write("output/good.json", try allGood.jsonData())
        let nothing = await CLITester.helloWorld.run(["kubernetes", "hello-world", "--rerun-failed", "output/good.json", "--image", "runbook:1.0"], in: project)
        #expect(nothing.exitCode == 64 && nothing.stderr.contains("there is nothing to rerun"), "\(nothing.stderr)")
    }
}

extension KubernetesGenerateTests {
    @Test func theHelpShowsEveryDefault() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["kubernetes", "generate", "--help"], in: project)
        #expect(result.exitCode == 0)
        let help = result.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        for expected in ["(at most the number of targets). (default: 4)", "Retries of a target that exits 1 or 75. (default: 2)",
                         "(default: 86400)", "(default: 21600)", "(default: Etc/UTC)", "(default: all targets run)",
                         "(default: runbook-<script>;", "default: client-secret", "(default: one YAML stream on standard output)"] {
            #expect(help.contains(expected), "\(expected)")
        }
        #expect(!help.contains("(default: 4, "), "no default said twice")
    }
}
