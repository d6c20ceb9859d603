import Foundation
import RunbookTesting
import Testing

/// The generated manifests against the Kubernetes 1.33 JSON Schemas of PyPI `kubernetes-validate`
/// (pinned by `.ci/run`), checked by Runbook's own validator: `runbook validate FILE --schema S
/// --registry https://kubernetes.io/api/=DIR` (the schemas refer to `/api/_definitions.json`).
/// Under CI the schemas must be there: the test fails instead of being skipped.
@Suite(.enabled(if: KubernetesTestSupport.schemas() != nil || KubernetesTestSupport.schemasRequired,
                "the Kubernetes schemas are installed by .ci/run (RUNBOOK_K8S_SCHEMAS)"))
struct KubernetesSchemaTests {
    static func validate(_ file: String, schema: String, in project: TestWorkspace, folder: URL) async -> CLIResult {
        // An absolute path: the in-process project root has no trailing slash, which relative paths of validate need.
        await CLITester.helloWorld.run(["validate", project.root.appendingPathComponent(file).path, "--schema", folder.appendingPathComponent(schema).path,
                           "--registry", "https://kubernetes.io/api/=\(folder.path)"], in: project)
    }

    @Test(arguments: ["v1.33.0-local-strict", "v1.33.0-local"])
    func everyGeneratedManifestIsValid(flavour: String) async throws {
        let strict = try #require(KubernetesTestSupport.schemas(), "RUNBOOK_K8S_SCHEMAS is not set and .build/ci-venv has no schemas: run .ci/run")
        let folder = strict.deletingLastPathComponent().appendingPathComponent(flavour)
        let project = try KubernetesTestSupport.project(targets: ["demo/test", "demo/prod", "acme/test"])
        defer { project.remove() }
        let job = await CLITester.helloWorld.run(["kubernetes", "hello-world", "--targets", "targets.yaml", "--image", "registry.example.com/runbook:1.0",
                                     "--namespace", "ops", "--secret-name", "runbook-secrets", "--output", "k8s"], in: project)
        #expect(job.exitCode == 0, "\(job.stderr)")
        let cron = await CLITester.helloWorld.run(["kubernetes", "hello-world", "--targets", "targets.yaml", "--image", "runbook:1.0",
                                      "--schedule", "30 2 * * 1-5", "--time-zone", "Europe/Berlin", "--output", "k8s-cron"], in: project)
        #expect(cron.exitCode == 0, "\(cron.stderr)")
        let checks = [("k8s/configmap.yaml", "configmap-v1.json"), ("k8s/job.yaml", "job-batch-v1.json"),
                      ("k8s-cron/configmap.yaml", "configmap-v1.json"), ("k8s-cron/cronjob.yaml", "cronjob-batch-v1.json")]
        for (file, schema) in checks {
            let result = await Self.validate(file, schema: schema, in: project, folder: folder)
            #expect(result.exitCode == 0 && result.stdout.hasSuffix("/\(file): valid\n"), "\(file): \(result.stdout)\(result.stderr)")
        }
    }

    @Test func theSchemasCatchAWrongField() async throws {
        let folder = try #require(KubernetesTestSupport.schemas(), "RUNBOOK_K8S_SCHEMAS is not set and .build/ci-venv has no schemas: run .ci/run")
        let project = try KubernetesTestSupport.project(targets: ["demo/test"])
        defer { project.remove() }
        #expect(await CLITester.helloWorld.run(["kubernetes", "hello-world", "--targets", "targets.yaml", "--image", "runbook:1.0",
                                   "--output", "k8s"], in: project).exitCode == 0)
        let job = project.root.appendingPathComponent("k8s/job.yaml")
        let text = try String(contentsOf: job, encoding: .utf8)
        try project.write("k8s/job.yaml", text.replacingOccurrences(of: "  completions: 1\n", with: "  completions: one\n  retries: 3\n"))
        let result = await Self.validate("k8s/job.yaml", schema: "job-batch-v1.json", in: project, folder: folder)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("/spec/completions") && result.stdout.contains("/spec/retries"), "\(result.stdout)")
    }
}
