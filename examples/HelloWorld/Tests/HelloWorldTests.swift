import Foundation
import HelloWorld
import Runbook
import RunbookTesting
import Testing

@Suite struct HelloWorldTests {
    static let people = Data("""
        name,email,country,active
        Ada Lovelace,ada@example.com,GB,true
        Grace Hopper,grace@example.com,US,false
        Alan Turing,alan@example.com,GB,true

        """.utf8)

    func harness() -> ScriptHarness<HelloWorld> {
        var harness = ScriptHarness(HelloWorld.self)
        harness.files["data/people.csv"] = Self.people
        return harness
    }

    @Test func greetsActivePeopleAndWritesATimestampedReport() async throws {
        let result = await harness().run()
        #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
        #expect(result.summary == "✅ All 2 operations successful: 2 created, 0 updated, 1 skipped")
        let run = try #require(result.results?.runId.short)
        #expect(result.text(ofFile: "output/hello-world-report_2025-01-25T143045Z_\(run).csv") == """
            greeting,email,country\r
            "Hello, Ada Lovelace!",ada@example.com,GB\r
            "Hello, Alan Turing!",alan@example.com,GB\r

            """)
        #expect(result.files(prefix: "output/demo-test-hello-world-results_").count == 1)
        #expect(result.requests.isEmpty)
    }

    @Test func greetingComesFromTheScriptSection() async throws {
        var harness = harness()
        harness.config = ScriptHarness<HelloWorld>.defaultConfig + "scripts:\n  hello-world:\n    greeting: Hej\n"
        harness.arguments = ["--limit", "1"]
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.text(ofFile: "output/hello-world-report_")?.contains("\"Hej, Ada Lovelace!\"") == true)
        #expect(result.results?.counts.created == 1)
    }

    @Test func dryRunWritesNoReport() async throws {
        var harness = harness()
        harness.isDryRun = true
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.files(prefix: "output/hello-world-report").isEmpty)
        #expect(result.logLines.contains { $0.contains("Dry run: would write 2 greetings") })
    }

    @Test func aRowWithoutANameIsAFailedResult() async throws {
        var harness = harness()
        harness.files["data/people.csv"] = Data("name,email,country,active\n,nobody@example.com,GB,true\nAda,ada@example.com,GB,true\n".utf8)
        let result = await harness.run()
        #expect(result.exitCode == .completedWithFailures)
        #expect(result.results?.items.failed == [.init(identifier: "person/2", reason: "line 2 has no name")])
    }

    @Test func aWrongTypeInTheScriptSectionIsAConfigurationError() async throws {
        var harness = harness()
        harness.config = ScriptHarness<HelloWorld>.defaultConfig + "scripts:\n  hello-world:\n    greeting: 42\n"
        let result = await harness.run()
        #expect(result.exitCode == .configuration)
        #expect(result.error?.details == ["inline-config.yaml:6:15: scripts.hello-world.greeting: must be a string, found 42"])
        #expect(result.files.keys.allSatisfy { $0.hasPrefix("output/demo-test-hello-world-results_") })
        #expect(result.results?.outcome == .configurationError)
    }

    @Test func aMissingColumnIsAHelpfulError() async throws {
        var harness = harness()
        harness.files["data/people.csv"] = Data("name,mail\nAda,ada@example.com\n".utf8)
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error?.problem == "data/people.csv has no 'email', 'country', 'active' column")
        #expect(result.files(prefix: "output/hello-world-report").isEmpty)
    }
}
