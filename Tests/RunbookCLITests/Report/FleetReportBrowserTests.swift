import Foundation
import RunbookTesting
import Testing

/// The report in a real browser: headless Chromium loads the page and the test reads the rendered
/// DOM. Runs wherever Chromium is installed (`.ci/run` installs Debian's), and fails instead of
/// skipping when `CI` is set and it is missing.
///
/// The screenshot in docs/images/fleet-report.png comes from this test:
/// `RUNBOOK_REPORT_SCREENSHOT=docs/images/fleet-report.png swift test --filter FleetReportBrowserTests`.
@Suite struct FleetReportBrowserTests {
    @Test(.enabled(if: HeadlessChromium.find() != nil || HeadlessChromium.isCI, "chromium is not installed"),
          .timeLimit(.minutes(10)))
    func chromiumRendersTheReport() async throws {
        let chromium = try #require(HeadlessChromium.find(), "CI is set and chromium is not on PATH (.ci/run installs it)")
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        let path = try FleetReportFixture.write(in: project)
        let result = await CLITester.helloWorld.run(["report", path, "--output", "report.html"], in: project)
        try #require(result.exitCode == 0, "\(result.stderr)")
        let page = project.root.appendingPathComponent("report.html")

        let dom = try await chromium.dumpDOM(page)
        try #require(dom.contains("<section id=\"grid\">"), "not the rendered page: \(dom.prefix(500))")
        #expect(Self.count("<div class=\"cell ", in: dom) == 6, "one cell per target")
        #expect(Self.count("<div class=\"cell outcome-succeeded\"", in: dom) == 2)
        #expect(dom.contains("data-target=\"umbrella/prod\" data-outcome=\"failed\""))
        // The failed target's problem is there as text: escaped, never a script element.
        #expect(dom.contains(#"<dd class="problem">The API said &lt;script&gt;alert("x")&lt;/script&gt; &amp; refused customer "C-1"</dd>"#))
        #expect(!dom.contains("<script"))
        #expect(Self.count("<article class=\"failure ", in: dom) == 4)
        // The per-host metrics rows of the two run records that carry them.
        #expect(Self.count("<tr class=\"host-metrics\"", in: dom) == 3)
        #expect(dom.contains("data-target=\"acme/prod\" data-host=\"login.example:8443\""))
        #expect(dom.contains("<td>api.stark.example</td><td>14</td><td>1</td><td>5</td><td>6</td>"))

        let screenshot = project.root.appendingPathComponent("report.png")
        try await chromium.screenshot(page, to: screenshot)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(png.count > 10_000, "more than an empty page")
        if let target = ProcessInfo.processInfo.environment["RUNBOOK_REPORT_SCREENSHOT"], !target.isEmpty {
            let url = URL(fileURLWithPath: target, relativeTo: SourceTree.root.appendingPathComponent("./"))
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.copyItem(at: screenshot, to: url)
        }
    }

    @Test func ciInstallsChromium() throws {
        let script = try String(contentsOf: SourceTree.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(script.contains("command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)"))
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
