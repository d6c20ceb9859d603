import Foundation
import RunbookTesting
import Testing

/// Exact text of help, listings, validation, explanations and errors.
@Suite struct CLIOutputTests {
    @Test func rootHelpIsExact() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["--help"], in: project)
        #expect(result.exitCode == 0)
        #expect(result.stdout == """
            OVERVIEW: Run operational automation scripts per organisation and environment.

            Configuration lives in config/{org}-{env}-config.yaml (or .yml/.json),
            validated against schemas/org-env-config.schema.json; secrets in
            config/{org}-{env}-config-secrets.yaml or RUNBOOK_SECRET_<KEY> variables.

            Exit codes: 0 success, 1 the script failed, 2 finished with failed results, 64
            usage error, 75 temporary failure (retry later), 78 configuration error, 130
            interrupted.

            USAGE: runbook [--version] <subcommand>

            OPTIONS:
              --version               Show the Runbook version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              run                     Run a script for an organisation and environment.
              list                    List the scripts this runbook knows.
              validate                Validate configurations, or any data files against
                                      any schema.
              config                  Show the effective configuration and where each value
                                      came from.
              new                     Create a new script target and its test.
              docs                    Print a Markdown reference generated from the code:
                                      the configuration (default) or the error codes.
              history                 List recent runs from their records in output/,
                                      newest first.
              show                    Show one run's record.
              fleet                   Run a script for many organisations and environments,
                                      each target in its own process.
              collect                 Merge run records found under folders into a fleet
                                      record.
              report                  Write a fleet record as a self-contained HTML page.
              kubernetes              Write Kubernetes manifests for a fleet (an Indexed
                                      Job or a CronJob), or run them locally.

              See 'runbook help <subcommand>' for detailed help.

            """)
    }

    @Test func listShowsEachScriptWithItsSummary() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["list"], in: project)
        #expect(result.stdout == "hello-world  Greets everyone in data/people.csv and writes a timestamped report (no network)\n")
    }

    @Test func unknownScriptSuggestsTheNearestName() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "helo-world", "demo", "test"], in: project)
        #expect(result.exitCode == 64)
        #expect(result.stderr == """
            ❌ Problem [RB-USG-002]: Unknown script 'helo-world'
            ✅ Solution: Did you mean 'hello-world'? Known scripts: hello-world. `runbook list` shows them with a summary
            📝 Example:
               runbook run hello-world demo test

            """)
    }

    @Test func missingArgumentsAreAUsageError() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["run", "hello-world"], in: project)
        #expect(result.exitCode == 64)
        #expect(result.stderr == """
            ❌ Problem [RB-USG-003]: Missing expected argument '<org>'
            ✅ Solution: Give the script, the organisation and the environment: runbook run <script> <org> <env>
            📝 Example:
               runbook run hello-world demo test

            """)
    }

    @Test func validateReportsAValidConfiguration() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        // A client-secret alone would switch OAuth on for `global` (and fail, as the client would): az-token is complete.
        try project.write("config/demo-test-config-secrets.yaml", "az-token: \(BrokenConfigCase.plantedSecret)\n")
        let result = await CLITester.helloWorld.run(["validate", "demo", "test"], in: project)
        #expect(result.exitCode == 0)
        #expect(result.stdout == "✅ demo/test: config/demo-test-config.yaml is valid (34 defaults filled in, 1 secrets)\n")
    }

    @Test func validateAllChecksEveryConfiguration() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        try project.write("config/acme-prod-config.json", #"{"global": {}, "script-behavior": {"jitter": {"min-factor": 3}}}"#)
        let result = await CLITester.helloWorld.run(["validate", "--all"], in: project)
        #expect(result.exitCode == 78)
        #expect(result.stdout.hasSuffix("1 of 2 configurations are valid\n"))
        #expect(result.stderr.contains(
            "config/acme-prod-config.json:1:61: script-behavior.jitter.min-factor: must be ≤ 1.0, found 3"))
    }

    @Test func configExplainShowsValueOriginAndSchemaDocs() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        let fromFile = await CLITester.helloWorld.run(["config", "demo", "test", "--explain", "script-behavior.retry-strategy.max-retries"], in: project)
        #expect(fromFile.stdout == """
            script-behavior.retry-strategy.max-retries: 3
              origin:  config/demo-test-config.yaml:5:18 (org-env layer)
              type:    integer (0 to 10)
              default: 5
              meaning: Retries after the first attempt; 0 means one attempt only.

            """)
        let fromDefault = await CLITester.helloWorld.run(["config", "demo", "test", "--explain", "script-behavior.jitter.max-factor"], in: project)
        #expect(fromDefault.stdout.contains("  origin:  schema default\n"))
        let fromVariable = await CLITester.helloWorld.run(
            ["config", "demo", "test", "--explain", "script-behavior.rate-limiting.enabled"], in: project,
            variables: ["RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__ENABLED": "true"])
        #expect(fromVariable.stdout.hasPrefix("""
            script-behavior.rate-limiting.enabled: true
              origin:  environment variable RUNBOOK__SCRIPT_BEHAVIOR__RATE_LIMITING__ENABLED
            """))
    }

    @Test func configNeverShowsSecretValues() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("config/demo-test-config.yaml", BrokenConfigCase.validYAML)
        try project.write("config/demo-test-config-secrets.yaml", "client-secret: \(BrokenConfigCase.plantedSecret)\n")
        let result = await CLITester.helloWorld.run(["config", "demo", "test"], in: project, variables: ["RUNBOOK_SECRET_API_KEY": "another-secret-123"])
        #expect(result.exitCode == 0)
        #expect(!result.stdout.contains(BrokenConfigCase.plantedSecret))
        #expect(!result.stdout.contains("another-secret-123"))
        #expect(result.stdout.hasSuffix("""
            # secrets (values never shown)
            secrets:
              api-key: "[REDACTED]"                       # RUNBOOK_SECRET_API_KEY
              client-secret: "[REDACTED]"                 # config/demo-test-config-secrets.yaml

            """))
    }

    @Test func docsMatchTheCheckedInConfigurationReference() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let result = await CLITester.helloWorld.run(["docs"], in: project)
        let checkedIn = try String(
            contentsOf: SourceTree.root.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        #expect(result.stdout == checkedIn, "docs/configuration.md is stale: run `swift run runbook docs > docs/configuration.md`")
    }

    @Test func newScaffoldsAScriptAndInsertsOnlyItsOwnManifestLine() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        try project.write("Package.swift", "// swift-tools-version: 6.1\n")
        try project.write("examples/HelloWorld/Sources/HelloWorld.swift", "")
        let result = await CLITester.helloWorld.run(["new", "invoice-reminder"], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(project.files(in: "scripts") == ["InvoiceReminder/Sources/InvoiceReminder.swift", "InvoiceReminder/Tests/InvoiceReminderTests.swift"])
        // The script list is a build product (Plugins/RunbookScriptList), never written by `runbook new`.
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("Sources/runbook/ScriptList.swift").path))
        let manifest = { try String(contentsOf: project.root.appendingPathComponent("Package.swift"), encoding: .utf8) }
        #expect(try manifest() == """
            // swift-tools-version: 6.1
            // runbook-script-folder: examples/HelloWorld
            // runbook-script-folder: scripts/InvoiceReminder

            """)
        #expect(result.stdout.hasPrefix("""
            created scripts/InvoiceReminder/Sources/InvoiceReminder.swift
            created scripts/InvoiceReminder/Tests/InvoiceReminderTests.swift
            updated Package.swift

            """))
        // A second script inserts its own line at its place in name order; no other line changes.
        let second = await CLITester.helloWorld.run(["new", "app-sync"], in: project)
        #expect(second.stdout.hasPrefix("""
            created scripts/AppSync/Sources/AppSync.swift
            created scripts/AppSync/Tests/AppSyncTests.swift
            updated Package.swift

            """))
        #expect(try manifest() == """
            // swift-tools-version: 6.1
            // runbook-script-folder: examples/HelloWorld
            // runbook-script-folder: scripts/AppSync
            // runbook-script-folder: scripts/InvoiceReminder

            """)
        // --refresh: the lines of folders removed by hand go, the one-line marker of before is replaced.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("scripts/AppSync"))
        try project.write("Package.swift", "// swift-tools-version: 6.1\n// runbook-script-folders: examples/HelloWorld\nlet x = 1\n")
        let refreshed = await CLITester.helloWorld.run(["new", "--refresh"], in: project)
        #expect(refreshed.stdout == "Updated the script-folder lines of Package.swift\n")
        #expect(try manifest() == """
            // swift-tools-version: 6.1
            let x = 1
            // runbook-script-folder: examples/HelloWorld
            // runbook-script-folder: scripts/InvoiceReminder

            """)
        #expect(await CLITester.helloWorld.run(["new", "--refresh"], in: project).stdout == "Package.swift's script-folder lines are up to date\n")
        let again = await CLITester.helloWorld.run(["new", "invoice-reminder"], in: project)
        #expect(again.exitCode == 64)
        #expect(again.stderr.hasPrefix("❌ Problem [RB-USG-008]: A script target named InvoiceReminder already exists"))
        let invalid = await CLITester.helloWorld.run(["new", "Invoice_Reminder"], in: project)
        #expect(invalid.exitCode == 64)
    }
}
