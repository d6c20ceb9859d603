import Foundation
import Runbook
import RunbookTesting
import Testing

/// Bad input is a located HelpfulError before anything runs (no child, no fleet record).
@Suite struct FleetInputErrorTests {
    static let cases: [(file: String, arguments: [String], exitCode: Int32, message: String)] = [
        ("targets: [\n", [], 64, "t.yaml:2:1"),
        ("targets:\n  - { org: a, env: prod, colour: red }\n", [], 64, "t.yaml:2:26: targets[0].colour: unknown key 'colour'"),
        ("targets:\n  - { org: a, env: prod }\n  - { org: a, env: prod }\n", [], 64, "targets[1]: a/prod is listed twice (first at line 2)"),
        ("targets:\n  - { org: A, env: prod }\n", [], 64, "targets[0].org: invalid org 'A'"),
        ("targets:\n  - { org: a, env: prod }\n  - { org: zz, env: prod }\n", [], 78, "targets[1]: No configuration for zz/prod"),
        ("targets:\n  - { org: a, env: prod, options: { limitt: 3 } }\n", [], 64, "Unknown option '--limitt'"),
        ("targets:\n  - { org: a, env: prod }\n", ["--colour"], 64, "Unknown option '--colour'"),
        ("targets:\n  - { org: a, env: prod }\n", ["--max-parallel", "0"], 64, "--max-parallel must be at least 1"),
        ("targets:\n  - { org: a, env: prod }\n", ["--halt-after", "lots"], 64, "--halt-after 'lots' is neither a count nor a percentage"),
        ("targets:\n  - { org: a, env: prod }\n", ["--retries", "1", "--retry-delay", "later"], 64, "--retry-delay 'later' is not a duration"),
        ("targets:\n  - { org: a, env: prod }\n", ["--target-timeout", "soon"], 64, "--target-timeout 'soon' is not a duration"),
        ("targets:\n  - { org: a, env: prod }\n", ["--all"], 64, "Give only one of --targets"),
    ]

    @Test(arguments: cases)
    func refusedBeforeAnythingRuns(_ bad: (file: String, arguments: [String], exitCode: Int32, message: String)) async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/a-prod-config.yaml", "global:\n  api-base-url: http://127.0.0.1:9/\nscript-behavior: {}\n")
        try project.write("t.yaml", bad.file)
        let result = try await FleetTestSupport.run(["fleet", "hello-world", "--targets", "t.yaml"] + bad.arguments, in: project)
        #expect(result.exitCode == bad.exitCode, "\(result.stderr)")
        #expect(result.stderr.contains(bad.message), "\(result.stderr)")
        #expect(result.stderr.contains("❌ Problem [RB-"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("output").path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("logs").path))
    }

    @Test func orgsWithoutConfigurationsAreRefused() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = try await FleetTestSupport.run(["fleet", "hello-world", "--orgs", "x", "--envs", "prod"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("No configuration for x/prod"))
    }
}
