import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputStore {
    /// Writes several files that only make sense together: after the block, either all of them are
    /// in place or none is — when the block throws, when the run is cancelled (Ctrl-C), and after
    /// a `kill -9`, whose leftovers the next run finishes or removes (see `OutputTransaction`).
    ///
    /// The block gets a store with the same save functions; what it saves is staged and put in
    /// place when the block returns. The run record lists the files under the transaction's id.
    ///
    /// ```swift
    /// try await context.output.transaction { tx in
    ///     try tx.saveCSV(header: ["id", "total"], rows: rows, to: .output, name: "invoices.csv", timestamped: true)
    ///     try tx.saveXLSX(sheets: [summary], to: .output, name: "invoices-summary.xlsx", timestamped: true)
    /// }
    /// ```
    ///
    /// A transaction inside a transaction joins the outer one.
    @discardableResult
    public func transaction<T>(_ body: (OutputStore) throws -> T) throws -> T {
        if transaction != nil { return try body(self) }
        let (store, transaction) = beginTransaction()
        let value: T
        do {
            value = try body(store)
        } catch {
            rollBack(transaction)
            throw error
        }
        try commit(transaction)
        return value
    }

    /// The async form of `transaction`, for blocks that await.
    @discardableResult
    public func transaction<T>(_ body: (OutputStore) async throws -> T) async throws -> T {
        if transaction != nil { return try await body(self) }
        let (store, transaction) = beginTransaction()
        let value: T
        do {
            value = try await body(store)
        } catch {
            rollBack(transaction)
            throw error
        }
        try commit(transaction)
        return value
    }

    private func beginTransaction() -> (OutputStore, OutputTransaction) {
        let number = fileLog?.nextTransactionNumber() ?? Int.random(in: 1...Int.max)
        let prefix = runID?.short ?? String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let transaction = OutputTransaction(id: "\(prefix)-\(number)")
        var store = OutputStore(root: root, clock: clock, logger: logger, runID: runID, redactor: redactor,
                                fileLog: fileLog, transaction: transaction, transactionStepHook: transactionStepHook)
        store.outputSubfolder = outputSubfolder
        return (store, transaction)
    }

    private func rollBack(_ transaction: OutputTransaction) {
        transaction.rollBack()
        let paths = transaction.files.map(\.file.path)
        fileLog?.add(RunRecord.Transaction(id: transaction.id, state: .rolledBack, files: paths))
        if !paths.isEmpty {
            logger?.info("Transaction \(transaction.id) rolled back: none of \(paths.joined(separator: ", ")) was saved")
        }
    }

    /// Writes the journal (the commit point), renames every staged file, removes the journal.
    private func commit(_ transaction: OutputTransaction) throws {
        let staged = transaction.files
        let journal = TransactionJournal(
            id: transaction.id, runId: runID?.description, host: TemporaryFileName.Writer.current.host,
            pid: getpid(), renames: staged.map { .init(from: relativePath($0.temporaryPath), to: $0.file.path) })
        let journalURL: URL
        do {
            try Task.checkCancellation()
            transactionStepHook?("writing journal")
            journalURL = try writeJournal(journal)
        } catch {
            rollBack(transaction)
            throw error
        }
        // Committed: from here on the files go in place, cancelled or not.
        transactionStepHook?("journal written")
        var failure: (any Error)?
        for file in staged {
            if rename(file.temporaryPath, file.destination.path) != 0, failure == nil {
                failure = OutputError.cannotWrite(file.destination, reason: String(cString: strerror(errno)))
            }
            transactionStepHook?("renamed \(file.file.path)")
        }
        for folder in Set(staged.map { $0.destination.deletingLastPathComponent().path }).sorted() {
            _ = FileSync.system.folder(folder)
        }
        transactionStepHook?("folders flushed")
        unlink(journalURL.path)
        _ = FileSync.system.folder(journalURL.deletingLastPathComponent().path)
        transactionStepHook?("journal removed")
        if let failure { throw failure }
        for file in staged { fileLog?.add(file.file) }
        fileLog?.add(RunRecord.Transaction(id: transaction.id, state: .committed, files: staged.map(\.file.path)))
        logger?.debug("Transaction \(transaction.id) committed: \(staged.map(\.file.path).joined(separator: ", "))")
    }

    private func writeJournal(_ journal: TransactionJournal) throws -> URL {
        let folder = try url(.tmp, TransactionJournal.folderName + "/" + TransactionJournal.fileName(id: journal.id))
        let data = try Self.encodeJSON(journal, options: JSONOutputOptions(pretty: false), name: folder.lastPathComponent)
        let writer = try AtomicFileWriter(destination: folder)
        do {
            try writer.write(data)
            try writer.commit()
        } catch {
            writer.abort()
            throw error
        }
        return folder
    }

    /// `path` relative to the project root.
    func relativePath(_ path: String) -> String {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
