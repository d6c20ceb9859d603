import Foundation
import Runbook

/// The HTML page of a ``FleetReport``: one self-contained file (inline CSS, no script, no external
/// resource), every text from the records escaped (``HTMLText``). Sections: a status grid (one
/// cell per target, coloured by outcome and labelled in words), the targets with their durations,
/// the failures with their error (code, problem, solution, example, location), and the per-host
/// metrics of the targets' run records.
struct FleetReportPage {
    let report: FleetReport

    /// The whole page.
    func html() -> String {
        let record = report.record
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Fleet report: \(e(record.script)) (\(record.targets.count) targets)</title>
            <style>\(FleetReportStyle.css)</style>
            </head>
            <body>
            \(header())
            \(grid())
            \(durations())
            \(failures())
            \(hosts())
            <footer>Written by runbook \(e(RunbookVersion.current)) from \(e(report.recordPath)).</footer>
            </body>
            </html>

            """
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The CSS class of a target: its outcome, else its status.
    private func kind(_ entry: FleetRecord.Entry) -> String { "outcome-" + FleetReport.label(entry) }

    private func header() -> String {
        let record = report.record
        let finished = record.finishedAt.map { $0.formatted(.iso8601) } ?? "not finished"
        let exit = record.exitCode.map { "exit \($0)" } ?? "no exit code yet"
        let tally = report.tally.map { "<span class=\"badge outcome-\($0.label)\">\($0.count) \(e($0.label))</span>" }
        return """
            <header>
            <h1>Fleet <code>\(e(record.script))</code></h1>
            <p class="meta">Fleet <code>\(e(record.fleetId.description))</code> · <strong id="fleet-state">\(e(record.state.rawValue))</strong>, \(exit) · \
            started \(record.startedAt.formatted(.iso8601)), finished \(e(finished)) · on \(e(record.host)) as \(e(record.user)) · \
            at most \(record.maxParallel) at once</p>
            <p class="tally" id="tally">\(record.targets.count) targets: \(tally.joined(separator: " "))</p>
            </header>
            """
    }

    private func grid() -> String {
        let cells = report.targets.map { target -> String in
            let entry = target.entry
            let exit = entry.exitCode.map { "exit \($0)" } ?? ""
            let duration = entry.durationSeconds.map(RunTable.durationText) ?? ""
            return """
                <div class="cell \(kind(entry))" data-target="\(e(entry.name))" data-outcome="\(e(FleetReport.label(entry)))">\
                <span class="name">\(e(entry.name))</span><span class="outcome">\(e(FleetReport.label(entry)))</span>\
                <span class="figures">\(exit)\(exit.isEmpty || duration.isEmpty ? "" : " · ")\(duration)</span></div>
                """
        }
        return "<section id=\"grid\"><h2>Targets</h2><div class=\"grid\">\n\(cells.joined(separator: "\n"))\n</div></section>"
    }

    private func durations() -> String {
        let longest = report.targets.compactMap(\.entry.durationSeconds).max() ?? 0
        let rows = report.targets.map { target -> String in
            let entry = target.entry
            let seconds = entry.durationSeconds
            let width = longest > 0 ? Int(((seconds ?? 0) / longest * 100).rounded()) : 0
            let counts = entry.counts.map { "\($0.created) created, \($0.updated) updated, \($0.skipped) skipped, \($0.failed) failed" } ?? ""
            return """
                <tr data-target="\(e(entry.name))"><td>\(entry.index)</td><td>\(e(entry.name))</td><td>\(e(entry.status.rawValue))</td>\
                <td class="outcome \(kind(entry))">\(e(entry.outcome?.rawValue ?? "—"))</td><td>\(entry.exitCode.map(String.init) ?? "—")</td>\
                <td class="duration"><span class="bar"><span style="width:\(width)%"></span></span>\(seconds.map(RunTable.durationText) ?? "—")</td>\
                <td>\(entry.attempts)</td><td>\(e(counts))</td><td><code>\(e(entry.runId?.description ?? ""))</code></td></tr>
                """
        }
        return """
            <section id="durations"><h2>Durations</h2><table class="targets">
            <thead><tr><th>#</th><th>Target</th><th>Status</th><th>Outcome</th><th>Exit</th><th>Duration</th><th>Attempts</th><th>Items</th><th>Run id</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table></section>
            """
    }

    private func failures() -> String {
        let failed = report.targets.map(\.entry).filter { $0.error != nil || ($0.outcome.map { $0 != .succeeded } ?? false) }
        guard !failed.isEmpty else { return "<section id=\"failures\"><h2>Failures</h2><p class=\"none\">No target failed.</p></section>" }
        let articles = failed.map { entry -> String in
            var fields: [String] = []
            func field(_ name: String, _ value: String?, _ css: String, pre: Bool = false) {
                guard let value, !value.isEmpty else { return }
                fields.append("<dt>\(name)</dt><dd class=\"\(css)\">\(pre ? "<pre>\(e(value))</pre>" : e(value))</dd>")
            }
            if let error = entry.error {
                field("Code", error.code?.identifier, "code")
                field("Problem", error.problem, "problem")
                for detail in error.details { field("Detail", detail, "detail") }
                field("Solution", error.solution, "solution")
                field("Example", error.example, "example", pre: true)
                field("Location", error.location?.description, "location")
            } else if let counts = entry.counts, counts.failed > 0 {
                field("Problem", "\(counts.failed) item\(counts.failed == 1 ? "" : "s") failed (see the run record)", "problem")
            }
            field("Run record", entry.recordPath, "record")
            return """
                <article class="failure \(kind(entry))" data-target="\(e(entry.name))"><h3>\(e(entry.name)) \
                <span class="badge \(kind(entry))">\(e(FleetReport.label(entry)))</span>\(entry.exitCode.map { " exit \($0)" } ?? "")</h3>
                <dl>\(fields.joined())</dl></article>
                """
        }
        return "<section id=\"failures\"><h2>Failures</h2>\n\(articles.joined(separator: "\n"))\n</section>"
    }

    private func hosts() -> String {
        let rows = report.targets.flatMap { target in
            target.hosts.map { host in
                """
                <tr class="host-metrics" data-target="\(e(target.entry.name))" data-host="\(e(host.host))"><td>\(e(target.entry.name))</td>\
                <td>\(e(host.host))</td><td>\(host.calls)</td><td>\(host.failedCalls)</td><td>\(host.retries)</td><td>\(host.throttled)</td>\
                <td>\(host.timeouts)</td><td>\(Self.milliseconds(host.callLatency.p50Seconds))</td>\
                <td>\(Self.milliseconds(host.callLatency.p95Seconds))</td><td>\(Self.milliseconds(host.callLatency.maxSeconds))</td>\
                <td>\(String(format: "%.1f s", host.rateLimitWaitSeconds))</td></tr>
                """
            }
        }
        let notes = report.targets.compactMap { target in
            target.recordProblem.map { "<li>\(e(target.entry.name)): \(e($0))</li>" }
        }
        let notesHTML = notes.isEmpty ? "" : "<ul class=\"notes\">\(notes.joined())</ul>"
        guard !rows.isEmpty else {
            return "<section id=\"hosts\"><h2>Per-host metrics</h2><p class=\"none\">No run record of this fleet carries per-host metrics.</p>\(notesHTML)</section>"
        }
        return """
            <section id="hosts"><h2>Per-host metrics</h2><table class="hosts">
            <thead><tr><th>Target</th><th>Host</th><th>Calls</th><th>Failed</th><th>Retries</th><th>429</th><th>Timeouts</th><th>p50</th><th>p95</th><th>Max</th><th>Rate-limit wait</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>\(notesHTML)</section>
            """
    }

    private static func milliseconds(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
    }
}
