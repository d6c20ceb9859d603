import Foundation
import Runbook
import Synchronization

/// The progress of the update loop: a live bar with rate and ETA redrawn in place on a terminal
/// (when `script-behavior.enable-progress-bars` is on), else an INFO line at every 10 %:
/// `Updating prices: 40% (800/2000)`. Safe to advance from every worker. Time comes from the run's clock.
final class BulkProgress: Sendable {
    enum Display: Sendable {
        case bar(any ConsoleOutput)
        case logLines(Logger)
    }

    private struct State {
        var completed = 0
        var lastDecile = 0
        var lastDraw: Duration?
        var finished = false
    }

    let total: Int
    let description: String
    private let clock: any RunbookClock
    private let display: Display
    private let start: Duration
    private let state = Mutex(State())

    init(total: Int, description: String, clock: any RunbookClock, display: Display) {
        self.total = max(0, total)
        self.description = description
        self.clock = clock
        self.display = display
        start = clock.monotonicNow()
    }

    /// The bar on a terminal standard error when the configuration enables it, else log lines.
    static func display(config: ConfigProxy, logger: Logger, console: any ConsoleOutput = FileDescriptorConsole.standardError)
        throws -> Display
    {
        let enabled = try config.require(Bool.self, "script-behavior", "enable-progress-bars")
        return isBar(enabled: enabled, console: console) ? .bar(console) : .logLines(logger)
    }

    /// Whether progress is drawn as a bar.
    static func isBar(enabled: Bool, console: any ConsoleOutput) -> Bool {
        enabled && console.isTerminal
    }

    /// Records done so far.
    var completed: Int { state.withLock { $0.completed } }

    /// Marks one more record done.
    func advance() {
        let now = clock.monotonicNow()
        let output: String? = state.withLock { state in
            guard !state.finished else { return nil }
            state.completed = min(total, state.completed + 1)
            return render(&state, now: now, final: false)
        }
        if let output { emit(output) }
    }

    /// Draws the bar a last time and ends its line (a log line has nothing left to say).
    func finish() {
        let now = clock.monotonicNow()
        let output: String? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            return render(&state, now: now, final: true)
        }
        if let output { emit(output) }
    }

    private func render(_ state: inout State, now: Duration, final: Bool) -> String? {
        let percent = total == 0 ? 100 : state.completed * 100 / total
        switch display {
        case .logLines:
            let decile = percent / 10
            guard decile > state.lastDecile else { return nil }
            state.lastDecile = decile
            return "\(description): \(percent)% (\(state.completed)/\(total))"
        case .bar:
            if !final, let last = state.lastDraw, now - last < .milliseconds(100), state.completed < total { return nil }
            state.lastDraw = now
            let width = 30
            let filled = total == 0 ? width : state.completed * width / total
            let seconds = max(Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18, 0.001)
            let rate = Double(state.completed) / seconds
            let eta = rate > 0 ? Int((Double(total - state.completed) / rate).rounded(.up)) : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            return "\r\(description) [\(bar)] \(percent)% \(state.completed)/\(total) · \(Int(rate))/s · ETA \(eta)s"
                + (final ? "\n" : "")
        }
    }

    private func emit(_ text: String) {
        switch display {
        case .bar(let console): console.write(text)
        case .logLines(let logger): logger.info("\(text)")
        }
    }
}
