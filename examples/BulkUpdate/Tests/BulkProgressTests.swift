@testable import BulkUpdate
import Logging
import Runbook
import RunbookTesting
import Synchronization
import Testing

@Suite struct BulkProgressTests {
    final class Terminal: ConsoleOutput {
        private let written = Mutex<[String]>([])
        var isTerminal: Bool { true }
        var lines: [String] { written.withLock { $0 } }
        func write(_ text: String) { written.withLock { $0.append(text) } }
    }

    @Test func aTerminalGetsABarWithRateAndETAThrottledTo10PerSecond() {
        let clock = ManualClock()
        let terminal = Terminal()
        let progress = BulkProgress(total: 4, description: "Updating prices", clock: clock, display: .bar(terminal))
        clock.advance(by: .seconds(1))
        progress.advance()
        progress.advance()  // within 100 ms of the last draw: not drawn
        clock.advance(by: .seconds(1))
        progress.advance()
        progress.finish()
        #expect(terminal.lines == [
            "\rUpdating prices [███████░░░░░░░░░░░░░░░░░░░░░░░] 25% 1/4 · 1/s · ETA 3s",
            "\rUpdating prices [██████████████████████░░░░░░░░] 75% 3/4 · 1/s · ETA 1s",
            "\rUpdating prices [██████████████████████░░░░░░░░] 75% 3/4 · 1/s · ETA 1s\n",
        ])
    }

    @Test func theBarIsUsedOnlyOnATerminalWhenTheConfigurationAsksForIt() {
        #expect(BulkProgress.isBar(enabled: true, console: Terminal()))
        #expect(!BulkProgress.isBar(enabled: false, console: Terminal()))
        #expect(!BulkProgress.isBar(enabled: true, console: FileDescriptorConsole(descriptor: -1)))
    }
}
