import Foundation
import RunbookTesting
import Testing

/// `runbook run … --metrics-file PATH --push-metrics URL`: the textfile is written after the run,
/// and an export that fails is a warning that never changes the exit code.
@Suite struct MetricsExportCLITests {
    @Test func theMetricsFileIsWrittenAndARefusedPushIsOnlyAWarning() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", "global:\n  api-base-url: http://api.test/\nscript-behavior: {}\n")
        // Nothing listens on port 1 of the loopback address: the push is refused at once.
        let result = await CLITester.helloWorld.run([
            "run", "hello-world", "demo", "test", "--metrics-file", "output/hello.prom",
            "--push-metrics", "http://127.0.0.1:1",
        ], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let text = try String(contentsOf: project.root.appendingPathComponent("output/hello.prom"), encoding: .utf8)
        #expect(text.contains(#"runbook_last_success_timestamp_seconds{job="hello-world",org="demo",env="test"}"#), "\(text)")
        #expect(result.stderr.contains("⚠️ Metrics not exported: "), "\(result.stderr)")
        #expect(result.stderr.contains("127.0.0.1:1"), "\(result.stderr)")
    }

    @Test func anUnwritableMetricsFileIsOnlyAWarning() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", "global:\n  api-base-url: http://api.test/\nscript-behavior: {}\n")
        try project.write("blocked", "a file where a folder would have to be\n")
        let result = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test", "--metrics-file", "blocked/m.prom"], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("⚠️ Metrics not exported: "), "\(result.stderr)")
    }
}
