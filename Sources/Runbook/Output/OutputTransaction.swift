import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of one `OutputStore.transaction` block: staged (written, flushed to disk, still under
/// their hidden temporary names) until the block returns, then put in place together.
///
/// The commit, step by step, so that a crash at any moment leaves all of the files or none:
///
/// 1. every file is staged (`AtomicFileWriter.stage()`: `fsync`, closed, not renamed);
/// 2. the journal `tmp/runbook-transactions/transaction_<id>.json` listing the renames is written
///    atomically (temporary file, `fsync`, rename, `fsync` of the folder): from here on the
///    transaction is committed;
/// 3. each staged file is renamed to its destination, and every folder involved is flushed;
/// 4. the journal is removed.
///
/// A process killed before 2 leaves staged files without a journal: the next run removes them as
/// stale temporary files (their writer is dead). A process killed after 2 leaves a journal: the
/// next run (`OutputStore.recoverInterruptedTransactions()`) does the renames that are left, then
/// removes it.
final class OutputTransaction: Sendable {
    /// A staged file: where it is now and where it goes.
    struct Staged: Sendable {
        var file: RunRecord.WrittenFile
        var temporaryPath: String
        var destination: URL
    }

    /// The id, unique in the run (`<short run id>-<n>`, or random outside a run).
    let id: String
    private let staged = Mutex<[Staged]>([])

    init(id: String) {
        self.id = id
    }

    /// Adds a staged file (a later file for the same destination replaces the earlier one, whose
    /// temporary file is removed).
    func stage(_ file: RunRecord.WrittenFile, temporaryPath: String, destination: URL) {
        var entry = file
        entry.transaction = id
        let replaced: [Staged] = staged.withLock { staged in
            let old = staged.filter { $0.destination == destination }
            staged.removeAll { $0.destination == destination }
            staged.append(Staged(file: entry, temporaryPath: temporaryPath, destination: destination))
            return old
        }
        for old in replaced { unlink(old.temporaryPath) }
    }

    /// The staged files, in staging order.
    var files: [Staged] { staged.withLock { $0 } }

    /// Removes every staged file: none of them is put in place.
    func rollBack() {
        for file in files { unlink(file.temporaryPath) }
    }
}

/// The journal of a committed transaction: what to rename, and who wrote it (so that a later run
/// can tell a dead writer's journal from that of a run still under way).
struct TransactionJournal: Codable, Equatable {
    /// One rename, both paths relative to the project root.
    struct Rename: Codable, Equatable {
        var from: String
        var to: String
    }

    /// `runbook-transaction/1`.
    var format = TransactionJournal.currentFormat
    /// The transaction's id.
    var id: String
    /// The run that wrote it, if any.
    var runId: String?
    /// `TemporaryFileName.Writer.host` of the writer.
    var host: String
    /// The writer's process id.
    var pid: Int32
    /// The renames, in order.
    var renames: [Rename]

    static let currentFormat = "runbook-transaction/1"
    /// The folder below `tmp/` that holds the journals.
    static let folderName = "runbook-transactions"

    /// `transaction_<id>.json`.
    static func fileName(id: String) -> String { "transaction_\(id).json" }
}
