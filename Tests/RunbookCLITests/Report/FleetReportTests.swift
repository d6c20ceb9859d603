import Foundation
import Runbook
@testable import RunbookCLI
import RunbookTesting
import Testing

/// `runbook report`: the page's content and escaping, where it is written, and the errors.
/// `FleetReportBrowserTests` loads the same page in headless Chromium.
@Suite struct FleetReportTests {
    @Test func writesASelfContainedEscapedPageBesideTheRecord() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let path = try FleetReportFixture.write(in: project)
        let result = await CLITester.helloWorld.run(["report", path], in: project)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let page = String(path.dropLast(".json".count)) + ".html"
        #expect(result.stdout == "Wrote \(project.root.appendingPathComponent(page).path)\n")
        let html = try String(contentsOf: project.root.appendingPathComponent(page), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Self-contained: nothing to load, no script.
        for forbidden in ["<script", "src=", "href=", "@import", "url(", "http://", "<link"] {
            #expect(!html.contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(html.contains("The API said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; refused customer &quot;C-1&quot;"))
        #expect(html.components(separatedBy: "<div class=\"cell ").count - 1 == 6)
        #expect(html.components(separatedBy: "<tr class=\"host-metrics\"").count - 1 == 3)
        #expect(html.contains("<span class=\"name\">stark/test</span><span class=\"outcome\">temporaryFailure</span>"))
        #expect(html.contains("config/hooli-prod-config.yaml:14:18"))
        #expect(html.contains("<dd class=\"code\">RB-CFG-003</dd>"))
        #expect(html.contains("2 items failed (see the run record)"))
        #expect(html.contains("globex/test: output/globex-test/missing.json cannot be read"))
        #expect(html.contains("6 targets: <span class=\"badge outcome-succeeded\">2 succeeded</span>"))
        // Written atomically: no temporary file left beside it.
        let left = project.files(in: "output").filter { $0.hasPrefix(".") || $0.contains(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func anotherOutputFileAndProjectRoot() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let path = try FleetReportFixture.write(in: project)
        let elsewhere = try TestWorkspace.cli(copySchema: false)
        defer { elsewhere.remove() }
        // The run records are found through --project-root when the record is given by an absolute path.
        let result = await CLITester.helloWorld.run([
            "report", project.root.appendingPathComponent(path).path, "--output", "fleet.html",
            "--project-root", project.root.path], in: elsewhere)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "Wrote fleet.html\n")
        let html = try String(contentsOf: elsewhere.root.appendingPathComponent("fleet.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<tr class=\"host-metrics\"").count - 1 == 3)
    }

    @Test func aMissingOrInvalidRecordIsALocatedUsageError() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let missing = await CLITester.helloWorld.run(["report", "output/fleet_nope.json"], in: project)
        #expect(missing.exitCode == 64)
        #expect(missing.stderr.contains("Cannot read the fleet record \(project.root.appendingPathComponent("output/fleet_nope.json").path)"), "\(missing.stderr)")
        try project.write("output/fleet_bad.json", #"{"fleetId": 3}"#)
        let invalid = await CLITester.helloWorld.run(["report", "output/fleet_bad.json"], in: project)
        #expect(invalid.exitCode == 64)
        #expect(invalid.stderr.contains("fleet_bad.json is not a fleet record"), "\(invalid.stderr)")
        #expect(invalid.stderr.contains("📍 Where: \(project.root.appendingPathComponent("output/fleet_bad.json").path)"), "\(invalid.stderr)")
        #expect(project.files(in: "output") == ["fleet_bad.json"], "no page for a bad record")
    }

    @Test func anUnwritableOutputIsAHelpfulError() async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let path = try FleetReportFixture.write(in: project)
        let result = await CLITester.helloWorld.run(["report", path, "--output", "no-such-folder/report.html"], in: project)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("Cannot write the report no-such-folder/report.html"), "\(result.stderr)")
    }

    @Test func everyCharacterThatMeansSomethingInHTMLIsEscaped() {
        #expect(HTMLText.escape(#"<a href="x">O'Neil & co</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;")
        #expect(HTMLText.escape("plain acme/prod ✅") == "plain acme/prod ✅")
    }

    @Test func orgNamesFromAHandEditedRecordAreEscapedToo() {
        var entry = FleetRecord.Entry(index: 0, org: #"x"><img onerror=1>"#, env: "prod", status: .finished, outcome: .failed, exitCode: 1)
        entry.error = RunRecord.Failure(HelpfulError(problem: "p", solution: "s"))
        let record = FleetRecord(fleetId: FleetReportFixture.id(0), script: "s<b>", startedAt: FleetReportFixture.start, maxParallel: 1, targets: [entry])
        let html = FleetReportPage(report: FleetReport(record: record, recordPath: "r<.json", targets: [.init(entry: entry, hosts: [])])).html()
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains(#"data-target="x&quot;&gt;&lt;img onerror=1&gt;/prod""#))
        #expect(html.contains("from r&lt;.json."))
    }
}
