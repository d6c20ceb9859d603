import Foundation
import RunbookTesting
import Testing

/// Every error a user sees is one `HelpfulError`, rendered once, plain or (under `--json`) JSON,
/// with the documented exit code; argument-parser errors included.
@Suite struct CLIErrorTests {
    /// Command lines the argument parser refuses, the problem it reports, and the usage shown.
    static let usageErrors: [(arguments: [String], problem: String, usage: String)] = [
        (["run", "hello-world", "demo", "test", "--log-level", "verbose"],
         "The value 'verbose' is invalid for '--log-level <log-level>'. Please provide one of the following: trace, debug, info, notice, warning, error, critical",
         "runbook run <script> <org> <env> [<script options>] [--dry-run] [--log-level <level>] [--log-format text|json] [--json] [--secrets-dir <dir>] [--metrics-file <file>] [--push-metrics <url>] [--project-root <dir>]"),
        (["run", "hello-world", "demo", "test", "--log-level"],
         "Missing value for '--log-level <log-level>'",
         "runbook run <script> <org> <env> [<script options>] [--dry-run] [--log-level <level>] [--log-format text|json] [--json] [--secrets-dir <dir>] [--metrics-file <file>] [--push-metrics <url>] [--project-root <dir>]"),
        (["config", "demo"],
         "Missing expected argument '<env>'",
         "runbook config <org> <env> [--explain <explain>] [--secrets-dir <dir>] [--project-root <project-root>] [--json]"),
        (["list", "--verbose"],
         "Unknown option '--verbose'",
         "runbook list [--project-root <project-root>] [--json]"),
    ]

    @Test(arguments: usageErrors)
    func argumentParserErrorsAreHelpfulErrors(arguments: [String], problem: String, usage: String) async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let plain = await CLITester.helloWorld.run(arguments, in: project)
        #expect(plain.exitCode == 64)
        #expect(plain.stdout == "")
        #expect(plain.stderr.hasPrefix("❌ Problem [RB-USG-001]: \(problem)\n✅ Solution: Check the arguments and options: `runbook help"))
        #expect(plain.stderr.hasSuffix("📝 Example:\n   \(usage)\n"))
        let json = await CLITester.helloWorld.run(arguments + ["--json"], in: project)
        #expect(json.exitCode == 64)
        let payload = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: [String: Any]]
        #expect(payload?["error"]?["problem"] as? String == problem)
        #expect(payload?["error"]?["exitCode"] as? Int == 64)
        #expect(payload?["error"]?["code"] as? String == "RB-USG-001")
        #expect(json.stderr.hasSuffix("}\n") && json.stderr.components(separatedBy: "\n").count == 2)
    }

    @Test func anUnknownCommandIsAUsageError() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["valdate", "demo", "test"], in: project)
        #expect(result.exitCode == 64)
        #expect(result.stderr == """
            ❌ Problem [RB-USG-001]: 3 unexpected arguments: 'valdate', 'demo', 'test'
            ✅ Solution: Check the arguments and options: `runbook --help` lists them
            📝 Example:
               runbook [--version] <subcommand>

            """)
    }

    @Test func aLogLevelTypoNamesTheRunCommandNotTheRoot() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test", "--limit", "1", "--log-level", "verbose"], in: project)
        #expect(result.exitCode == 64)
        #expect(!result.stderr.contains("SUBCOMMANDS"))
        #expect(!result.stderr.contains("USAGE: runbook <subcommand>"))
        #expect(result.stderr.contains("--log-level <log-level>"))
    }

    @Test func errorsOfCommandsAreShownOnceAndAsJSONUnderJSON() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let plain = await CLITester.helloWorld.run(["run", "helo-world", "demo", "test"], in: project)
        #expect(plain.stderr.components(separatedBy: "❌ Problem [RB-USG-002]:").count == 2)
        let json = await CLITester.helloWorld.run(["run", "helo-world", "demo", "test", "--json"], in: project)
        #expect(json.exitCode == 64)
        #expect(json.stderr == #"{"error":{"code":"RB-USG-002","details":[],"example":"runbook run hello-world demo test","exitCode":64,"problem":"Unknown script 'helo-world'","solution":"Did you mean 'hello-world'? Known scripts: hello-world. `runbook list` shows them with a summary"}}"# + "\n")
        let notAPackage = await CLITester.helloWorld.run(["new", "invoice-reminder", "--json"], in: project)
        #expect(notAPackage.exitCode == 64)
        #expect(notAPackage.stderr.hasPrefix(#"{"error":{"#))
        #expect(notAPackage.stderr.components(separatedBy: "\n").count == 2)
    }

    @Test func debugGetsAHintToUseLogLevelDebug() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test", "--debug"], in: project)
        #expect(result.exitCode == 64)
        #expect(result.stderr == """
            ❌ Problem [RB-USG-001]: Unknown option '--debug'
            ✅ Solution: Runbook sets the console log level with --log-level: use --log-level debug (the log file in logs/ always gets debug lines)
            📝 Example:
               runbook run hello-world demo test --log-level debug

            """)
    }

    @Test func debugAnywhereElseGetsTheSameHint() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["validate", "demo", "test", "--debug"], in: project)
        #expect(result.exitCode == 64)
        #expect(result.stderr.hasPrefix("""
            ❌ Problem [RB-USG-001]: Unknown option '--debug'
            ✅ Solution: Runbook sets the console log level with --log-level: use --log-level debug (the log file in logs/ always gets debug lines). Check the arguments and options: `runbook help validate` lists them
            """))
    }

    @Test func versionPrintsTheRunbookVersion() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["--version"], in: project)
        #expect(result.exitCode == 0)
        #expect(result.stdout == "0.1.0\n")
        #expect(result.stderr == "")
    }

    @Test func aScriptsHelpShowsTheCommandThatRunsIt() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world", "demo", "test", "--help"], in: project)
        #expect(result.exitCode == 0)
        #expect(result.stdout == """
            USAGE: runbook run hello-world <org> <env> [--limit <limit>]

            OPTIONS:
              --limit <limit>         Greet at most this many people.
              -h, --help              Show help information.

            RUNNER OPTIONS:
              --dry-run               Read and report without changing anything.
              --log-level <level>     Console log level: trace, debug, info, notice, warning, error, critical.
              --log-format <format>   Log lines as text or json.
              --json                  Errors and the results report as JSON.
              --project-root <dir>    The project folder (config/, schemas/, data/, output/).

            """)
        let withoutOrg = await CLITester.helloWorld.run(["run", "hello-world", "-h"], in: project)
        #expect(withoutOrg.stdout == result.stdout)
    }

    @Test func runnerOptionsMayAppearAnywhereAfterRun() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", "global:\n  api-base-url: http://api.test/\nscript-behavior: {}\n")
        let result = await CLITester.helloWorld.run(["run", "--dry-run", "hello-world", "demo", "--json", "test", "--limit", "1"], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""outcome":"succeeded""#))
        #expect(project.files(in: "output").filter { $0.hasPrefix("hello-world-report") }.isEmpty)
    }

    @Test func runHelpDescribesTheRunnerOptions() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "--help"], in: project)
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: Run a script for an organisation and environment."))
        #expect(result.stdout.contains("--log-level <log-level>"))
        #expect(result.stdout.contains("USAGE: runbook run <script> <org> <env> [<script options>]"))
    }
}
