import Foundation
import Runbook
import Synchronization

/// The fleet's console: each child's output (grouped: one block when it finishes; prefixed:
/// `acme/prod | line` as lines come), a progress line on a terminal only (standard error), and
/// the joblog-like table at the end. Only the running children's output is held, each up to
/// ``maximumBlock`` bytes, so memory stays flat however many targets the fleet has.
final class FleetConsole: Sendable {
    /// The most output kept for one grouped block (the rest is in the target's log file).
    static let maximumBlock = 1 << 20

    let environment: CLIEnvironment
    let mode: FleetOutputMode
    let total: Int
    private let progress = Mutex(Progress())

    private struct Progress {
        var done = 0
        var running = 0
        var failed = 0
    }

    /// Whether the targets' output goes to standard error (`--json`: standard output is the record's).
    private let toStandardError: Bool

    init(environment: CLIEnvironment, mode: FleetOutputMode, total: Int, toStandardError: Bool = false) {
        self.environment = environment
        self.mode = mode
        self.total = total
        self.toStandardError = toStandardError
    }

    /// The output of one attempt of `target`.
    func output(for target: FleetTarget) -> FleetTargetOutput {
        progress.withLock { $0.running += 1 }
        showProgress()
        return FleetTargetOutput(console: self, name: target.name)
    }

    /// Counts a finished target in the progress line.
    func finished(_ entry: FleetRecord.Entry) {
        progress.withLock { progress in
            progress.done += 1
            if let exit = entry.exitCode, exit != 0, exit != 2 { progress.failed += 1 }
        }
        showProgress()
    }

    func attemptEnded() {
        progress.withLock { $0.running -= 1 }
    }

    /// Writes text to standard output (standard error under `--json`), above the progress line.
    func write(_ text: String) {
        guard !text.isEmpty else { return }
        if environment.stderrIsTerminal { environment.writeError("\r\u{1B}[K") }
        if toStandardError { environment.writeError(text) } else { environment.writeOut(text) }
        showProgress()
    }

    private func showProgress() {
        guard environment.stderrIsTerminal else { return }
        let line = progress.withLock { "\($0.done)/\(total) done · \($0.running) running · \($0.failed) failed" }
        environment.writeError("\r\u{1B}[K" + line)
    }

    /// Clears the progress line.
    func clearProgress() {
        if environment.stderrIsTerminal { environment.writeError("\r\u{1B}[K") }
    }

    /// `1.25 s`.
    static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        return seconds(Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }

    static func seconds(_ value: Double) -> String {
        String(format: value < 10 ? "%.2f s" : "%.1f s", value)
    }
}

/// One attempt's output on its way to the console.
final class FleetTargetOutput: Sendable {
    private struct State {
        var block: [UInt8] = []
        var omitted = 0
        var partialLine: [UInt8] = []
    }

    private let console: FleetConsole
    private let name: String
    private let state = Mutex(State())

    init(console: FleetConsole, name: String) {
        self.console = console
        self.name = name
    }

    /// Takes a chunk of the child's output.
    func write(_ bytes: [UInt8]) {
        switch console.mode {
        case .grouped:
            state.withLock { state in
                let room = max(0, FleetConsole.maximumBlock - state.block.count)
                state.block += bytes.prefix(room)
                state.omitted += max(0, bytes.count - room)
            }
        case .prefixed:
            let lines: String = state.withLock { state in
                state.partialLine += bytes
                guard let last = state.partialLine.lastIndex(of: 0x0A) else { return "" }
                let complete = state.partialLine[...last]
                state.partialLine.removeSubrange(...last)
                return prefixed(complete)
            }
            console.write(lines)
        }
    }

    /// Shows what is left: the whole block (grouped) or the last unfinished line (prefixed).
    func finish(_ entry: FleetRecord.Entry) {
        console.attemptEnded()
        let text: String = state.withLock { state in
            defer { state = State() }
            switch console.mode {
            case .grouped:
                let outcome = entry.outcome?.rawValue ?? "unknown"
                var text = "── \(name): \(outcome), exit \(entry.exitCode.map(String.init) ?? "?") ──\n"
                text += String(decoding: state.block, as: UTF8.self)
                if !text.hasSuffix("\n") { text += "\n" }
                if state.omitted > 0 { text += "… \(state.omitted) more bytes (the full log is in logs/)\n" }
                if let error = entry.error, !text.contains(error.problem) { text += "\(error.problem)\n" }
                return text
            case .prefixed:
                var text = state.partialLine.isEmpty ? "" : prefixed(state.partialLine + [0x0A])
                if let error = entry.error, entry.recordPath == nil || error.problem.contains("--target-timeout") {
                    text += "\(name) | \(error.problem)\n"
                }
                return text
            }
        }
        console.write(text)
    }

    private func prefixed(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { "\(name) | \($0)\n" }.joined()
    }
}
