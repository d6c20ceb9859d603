import Synchronization

/// What a run's output store put in place: every file (path, size, SHA-256) and every
/// transaction, in order, for the run record. Shared by the run's store and the stores a
/// transaction hands out; safe to use from many tasks at once.
final class RunFileLog: Sendable {
    private struct State {
        var files: [RunRecord.WrittenFile] = []
        var transactions: [RunRecord.Transaction] = []
        var nextTransaction = 1
    }

    private let state = Mutex(State())

    /// Records a file in place (a later write of the same path replaces the earlier entry).
    func add(_ file: RunRecord.WrittenFile) {
        state.withLock { state in
            state.files.removeAll { $0.path == file.path }
            state.files.append(file)
        }
    }

    /// Records how a transaction ended.
    func add(_ transaction: RunRecord.Transaction) {
        state.withLock { $0.transactions.append(transaction) }
    }

    /// A fresh transaction number, 1, 2, …
    func nextTransactionNumber() -> Int {
        state.withLock { state in
            defer { state.nextTransaction += 1 }
            return state.nextTransaction
        }
    }

    /// The files so far.
    var files: [RunRecord.WrittenFile] { state.withLock { $0.files } }

    /// The transactions so far.
    var transactions: [RunRecord.Transaction] { state.withLock { $0.transactions } }
}
