import Foundation
import RunbookTesting
import Testing

/// End to end, with the real `runbook` executable: generate the manifests, validate them (when
/// the schemas are installed), and run them with `runbook kubernetes run-local`, which runs the
/// pod command once per index as a child process with `JOB_COMPLETION_INDEX` set and applies the
/// Job's podFailurePolicy.
@Suite struct KubernetesLocalExecutorTests {
    struct Result: Decodable {
        struct Index: Decodable {
            var index: Int
            var status: String
            var exitCode: Int32?
            var attempts: Int
            var action: String?
            var message: String?
        }
        var job: String
        var status: String
        var indexes: [Index]
    }

    struct Message: Decodable {
        var org: String?
        var env: String?
        var runId: String?
        var exitCode: Int32
    }

    static func message(_ index: Result.Index) throws -> Message {
        try JSONDecoder().decode(Message.self, from: Data(try #require(index.message).utf8))
    }

    @Test func aFleetOfHelloWorldRunsLocallyWithThePodFailurePolicy() async throws {
        let project = try KubernetesTestSupport.project(targets: ["demo/test", "demo/prod", "broken/test", "missing/test", "acme/test"])
        defer { project.remove() }
        let generate = try await KubernetesTestSupport.run(
            ["kubernetes", "hello-world", "--targets", "targets.yaml", "--image", "runbook:1.0", "--backoff-limit-per-index", "1",
             "--output", "k8s"], in: project.root)
        #expect(generate.status == 0, "\(generate.stderr)")
        if let schemas = KubernetesTestSupport.schemas() {
            let validate = try await KubernetesTestSupport.run(
                ["validate", "k8s/job.yaml", "--schema", schemas.appendingPathComponent("job-batch-v1.json").path,
                 "--registry", "https://kubernetes.io/api/=\(schemas.path)"], in: project.root)
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        } else {
            #expect(!KubernetesTestSupport.schemasRequired, "CI: the Kubernetes schemas are missing")
        }
        let run = try await KubernetesTestSupport.run(["kubernetes", "run-local", "k8s", "--json", "--workspace", "pods"], in: project.root)
        #expect(run.status == 1, "the Job fails: two indexes failed. \(run.stderr)")
        let result = try JSONDecoder().decode(Result.self, from: Data(run.stdout.utf8))
        #expect(result.job == "runbook-hello-world" && result.status == "Failed")
        let summary = result.indexes.map { "\($0.index):\($0.status):\($0.exitCode ?? -1):\($0.attempts):\($0.action ?? "-")" }
        #expect(summary == ["0:succeeded:0:1:-", "1:succeeded:0:1:-", "2:failed:78:1:FailIndex", "3:failed:1:2:Count", "4:succeeded:0:1:-"])
        let targets = try result.indexes.map { index -> String in
            let message = try Self.message(index)
            return "\(message.org ?? "?")/\(message.env ?? "?")"
        }
        #expect(targets == ["demo/test", "demo/prod", "broken/test", "missing/test", "acme/test"])
        #expect(project.files(in: "output/demo-prod").contains { $0.hasPrefix("hello-world-report_") }, "each target its own folder")
        #expect(project.files(in: "pods").filter { $0.hasSuffix(".termination-log") }.count == 6, "one per attempt")
    }

    @Test func theJobStopsOnceMoreThanMaxFailedIndexesHaveFailed() async throws {
        let project = try KubernetesTestSupport.project(targets: ["broken/test", "demo/test"])
        defer { project.remove() }
        let generate = try await KubernetesTestSupport.run(
            ["kubernetes", "hello-world", "--targets", "targets.yaml", "--image", "runbook:1.0", "--max-failed-indexes", "0"],
            in: project.root)
        #expect(generate.status == 0, "\(generate.stderr)")
        try project.write("stream.yaml", generate.stdout)
        let run = try await KubernetesTestSupport.run(["kubernetes", "run-local", "stream.yaml"], in: project.root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("  index 0 broken/test: failed (exit 78 → FailIndex, 1 attempt)\n"), "\(run.stdout)")
        #expect(run.stdout.contains("  index 1: not run (more than maxFailedIndexes failed)\n"), "\(run.stdout)")
        #expect(run.stdout.contains("Job runbook-hello-world: Failed, 0 succeeded, 1 failed (indexes 0), 1 not run\n"), "\(run.stdout)")
        #expect(project.files(in: "output").isEmpty || !project.files(in: "output").contains { $0.hasPrefix("demo-test/") })
    }

    @Test func aCronJobRunsItsJobTemplate() async throws {
        let project = try KubernetesTestSupport.project(targets: ["demo/test"])
        defer { project.remove() }
        let generate = try await KubernetesTestSupport.run(
            ["kubernetes", "hello-world", "--targets", "targets.yaml", "--image", "runbook:1.0", "--schedule", "0 2 * * *",
             "--output", "cron"], in: project.root)
        #expect(generate.status == 0, "\(generate.stderr)")
        let run = try await KubernetesTestSupport.run(["kubernetes", "run-local", "cron/cronjob.yaml"], in: project.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("  index 0 demo/test: succeeded (exit 0, 1 attempt)\n"), "\(run.stdout)")
        #expect(run.stdout.contains("Job runbook-hello-world: Complete, 1 succeeded, 0 failed\n"), "\(run.stdout)")
    }
}
