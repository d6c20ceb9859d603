import Runbook
import Synchronization

/// A console output that keeps what it is given (test double).
final class CapturedConsole: ConsoleOutput {
    let isTerminal: Bool
    private let storage = Mutex("")

    init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

    func write(_ text: String) { storage.withLock { $0 += text } }

    var text: String { storage.withLock { $0 } }
}
