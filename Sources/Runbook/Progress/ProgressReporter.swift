public import Logging
import Synchronization

/// Reports the progress of a long loop: a live bar with rate and ETA on a terminal, or one log
/// line every 10 % otherwise. Time comes from the injected clock. Safe to advance from many tasks.
///
/// Config: `script-behavior.enable-progress-bars` (boolean) chooses the bar when the console
/// is a terminal; see `ProgressReporter.make`.
///
/// ```swift
/// let progress = ProgressReporter.make(total: rows.count, description: "Syncing customers",
///                                      clock: clock, enableProgressBars: true,
///                                      console: FileDescriptorConsole.standardError, logger: logger)
/// for row in rows { try await sync(row); progress.advance() }
/// progress.finish()
/// ```
public final class ProgressReporter: Sendable {
    /// Where progress goes.
    public enum Display: Sendable {
        /// A live bar redrawn in place on this console.
        case bar(any ConsoleOutput)
        /// An INFO line at every 10 %: `Syncing customers: 40% (400/1000)`.
        case logLines(Logger)
    }

    private struct State {
        var completed = 0
        var lastDecile = 0
        var lastDraw: Duration?
        var finished = false
    }

    /// The number of items expected.
    public let total: Int
    /// What is being done, e.g. `Syncing customers`.
    public let description: String
    private let clock: any RunbookClock
    private let display: Display
    private let barWidth: Int
    private let redrawInterval: Duration
    private let start: Duration
    private let state = Mutex(State())

    /// Creates a reporter. The bar is redrawn at most every `redrawInterval` (and at the end).
    public init(total: Int, description: String, clock: any RunbookClock, display: Display,
                barWidth: Int = 30, redrawInterval: Duration = .milliseconds(100)) {
        self.total = max(0, total)
        self.description = description
        self.clock = clock
        self.display = display
        self.barWidth = max(1, barWidth)
        self.redrawInterval = redrawInterval
        self.start = clock.monotonicNow()
    }

    /// A bar when `enableProgressBars` is on and `console` is a terminal, log lines otherwise.
    public static func make(total: Int, description: String, clock: any RunbookClock, enableProgressBars: Bool,
                            console: any ConsoleOutput, logger: Logger) -> ProgressReporter {
        let display: Display = enableProgressBars && console.isTerminal ? .bar(console) : .logLines(logger)
        return ProgressReporter(total: total, description: description, clock: clock, display: display)
    }

    /// Items done so far.
    public var completed: Int { state.withLock { $0.completed } }

    /// Marks `count` more items done.
    public func advance(by count: Int = 1) {
        let now = clock.monotonicNow()
        // Rendered and emitted under the lock: lines from concurrent tasks come out in order.
        state.withLock { state in
            guard !state.finished else { return }
            state.completed = min(total, state.completed + max(0, count))
            if let output = render(&state, now: now, final: false) { emit(output) }
        }
    }

    /// Ends the report: draws the bar a last time and ends its line, or logs 100 %.
    public func finish() {
        let now = clock.monotonicNow()
        state.withLock { state in
            guard !state.finished else { return }
            state.finished = true
            if case .logLines = display, state.lastDecile == 10 || state.completed < total { return }
            if let output = render(&state, now: now, final: true) { emit(output) }
            if case .bar(let console) = display { console.write("\n") }
        }
    }

    private func render(_ state: inout State, now: Duration, final: Bool) -> String? {
        switch display {
        case .logLines:
            let decile = total == 0 ? 10 : state.completed * 10 / total
            guard decile > state.lastDecile || (final && state.lastDecile < 10) else { return nil }
            state.lastDecile = decile
            let percent = total == 0 ? 100 : state.completed * 100 / total
            return "\(description): \(percent)% (\(state.completed)/\(total))"
        case .bar:
            let due = state.lastDraw.map { now - $0 >= redrawInterval } ?? true
            guard final || due || state.completed == total else { return nil }
            state.lastDraw = now
            return ProgressBarLine.text(description: description, completed: state.completed, total: total,
                                        elapsed: now - start, width: barWidth)
        }
    }

    private func emit(_ text: String) {
        switch display {
        case .logLines(let logger): logger.info("\(text)")
        case .bar(let console): console.write("\r\u{1B}[2K" + text)
        }
    }
}
