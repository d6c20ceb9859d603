import Foundation
import Logging
import Runbook
import RunbookTesting
import Testing

struct ProgressReporterTests {
    func makeLogger(_ captured: CapturedLogLines) -> Logger {
        RunLogging(redactor: Redactor(secrets: SecretRegistry()), clock: ManualClock(), sinks: [captured])
            .makeLogger(label: "runbook")
    }

    @Test func logsOneLineEveryTenPercent() {
        let captured = CapturedLogLines()
        let progress = ProgressReporter(total: 50, description: "Syncing", clock: ManualClock(),
                                        display: .logLines(makeLogger(captured)))
        for _ in 0..<50 { progress.advance() }
        progress.finish()
        #expect(captured.messages == (1...10).map { "Syncing: \($0 * 10)% (\($0 * 5)/50)" })
    }

    @Test func bigJumpsLogOnlyTheLatestDecile() {
        let captured = CapturedLogLines()
        let progress = ProgressReporter(total: 1000, description: "Export", clock: ManualClock(),
                                        display: .logLines(makeLogger(captured)))
        progress.advance(by: 350)
        progress.advance(by: 10)
        progress.advance(by: 5000)
        progress.finish()
        #expect(captured.messages == ["Export: 35% (350/1000)", "Export: 100% (1000/1000)"])
        #expect(progress.completed == 1000)
    }

    @Test func emptyWorkLogsDoneOnFinish() {
        let captured = CapturedLogLines()
        let progress = ProgressReporter(total: 0, description: "Nothing", clock: ManualClock(),
                                        display: .logLines(makeLogger(captured)))
        progress.finish()
        progress.finish()
        #expect(captured.messages == ["Nothing: 100% (0/0)"])
    }

    @Test func barShowsRateAndETAFromTheClock() {
        let clock = ManualClock()
        let console = CapturedConsole(isTerminal: true)
        let progress = ProgressReporter(total: 100, description: "Sync", clock: clock, display: .bar(console), barWidth: 10)
        progress.advance(by: 0)
        clock.advance(by: .seconds(2))
        progress.advance(by: 25)
        clock.advance(by: .milliseconds(50))
        progress.advance(by: 1)  // within the redraw interval: not drawn
        clock.advance(by: .seconds(2))
        progress.advance(by: 74)
        progress.finish()
        let clear = "\r\u{1B}[2K"
        #expect(console.text == clear + "Sync [----------]   0% 0/100  --/s  ETA --:--"
            + clear + "Sync [##--------]  25% 25/100  12.5/s  ETA 00:06"
            + clear + "Sync [##########] 100% 100/100  24.7/s  ETA 00:00"
            + clear + "Sync [##########] 100% 100/100  24.7/s  ETA 00:00\n")
    }

    @Test func makeChoosesBarOnlyOnATerminalWhenEnabled() {
        let captured = CapturedLogLines()
        let logger = makeLogger(captured)
        let cases: [(Bool, Bool, Bool)] = [(true, true, true), (true, false, false), (false, true, false), (false, false, false)]
        for (enabled, terminal, expectBar) in cases {
            let console = CapturedConsole(isTerminal: terminal)
            let progress = ProgressReporter.make(total: 1, description: "x", clock: ManualClock(),
                                                 enableProgressBars: enabled, console: console, logger: logger)
            progress.advance()
            #expect(console.text.isEmpty == !expectBar)
        }
        #expect(captured.messages == ["x: 100% (1/1)", "x: 100% (1/1)", "x: 100% (1/1)"])
    }

    static let durations: [(Double, String)] = [(0.2, "00:01"), (59, "00:59"), (61, "01:01"), (3725, "1:02:05")]

    @Test(arguments: durations)
    func durationFormat(seconds: Double, expected: String) {
        let line = ProgressBarLineProbe.eta(seconds)
        #expect(line == expected)
    }
}

/// Reaches the ETA format through the public bar (1 item done after `seconds`, 1 left).
enum ProgressBarLineProbe {
    static func eta(_ seconds: Double) -> String {
        let clock = ManualClock()
        let console = CapturedConsole(isTerminal: true)
        let progress = ProgressReporter(total: 2, description: "p", clock: clock, display: .bar(console), barWidth: 2)
        clock.advance(by: .milliseconds(Int64(seconds * 1000)))
        progress.advance()
        guard let range = console.text.range(of: "ETA ") else { return "missing" }
        return String(console.text[range.upperBound...])
    }
}
