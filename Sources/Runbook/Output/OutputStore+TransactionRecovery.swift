public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputStore {
    /// Finishes the transactions that dead runs had committed but not completed: for every journal
    /// in `tmp/runbook-transactions/` whose writer has ended (on this host; another host's once it
    /// is `olderThan` seconds old), the staged files still under their temporary names are renamed
    /// into place, then the journal is removed. Returns the paths put in place, relative to the
    /// project root. A journal of a run still under way is left alone.
    ///
    /// The runner calls this at the start of every run, before `removeStaleTemporaryFiles()`, which
    /// then removes the staged files of transactions that never reached their journal (rolled back).
    /// Costs one failed directory open when there is nothing to do.
    @discardableResult
    public func recoverInterruptedTransactions(olderThan maximumAge: TimeInterval = abandonedTemporaryFileAge) -> [String] {
        let folder = root.appendingPathComponent(OutputFolder.tmp.rawValue, isDirectory: true)
            .appendingPathComponent(TransactionJournal.folderName, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let this = TemporaryFileName.Writer.current
        var completed: [String] = []
        for name in names.sorted() where name.hasPrefix("transaction_") && name.hasSuffix(".json") {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let journal = try? JSONDecoder().decode(TransactionJournal.self, from: data),
                  journal.format == TransactionJournal.currentFormat,
                  isAbandoned(journal, at: url, this: this, maximumAge: maximumAge)
            else { continue }
            var folders = Set<String>()
            for rename in journal.renames {
                guard let from = safeURL(rename.from), let to = safeURL(rename.to) else { continue }
                guard FileManager.default.fileExists(atPath: from.path) else { continue }  // renamed before the crash
                if Glibc_rename(from.path, to.path) == 0 {
                    completed.append(rename.to)
                    folders.insert(to.deletingLastPathComponent().path)
                }
            }
            for path in folders.sorted() { _ = FileSync.system.folder(path) }
            unlink(url.path)
            _ = FileSync.system.folder(folder.path)
            logger?.info("Completed transaction \(journal.id) of an interrupted run: \(journal.renames.map(\.to).joined(separator: ", "))")
        }
        return completed
    }

    private func isAbandoned(
        _ journal: TransactionJournal, at url: URL, this: TemporaryFileName.Writer, maximumAge: TimeInterval
    ) -> Bool {
        if journal.host == this.host {
            if journal.pid == this.pid { return false }
            if !TemporaryFileName.Writer(host: journal.host, pid: journal.pid).isRunning { return true }
        }
        guard let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        else { return false }
        return Date().timeIntervalSince(modified) > maximumAge
    }

    /// The URL of a journal path, or nil when it would leave the project root.
    private func safeURL(_ relative: String) -> URL? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0.isEmpty }) else { return nil }
        return root.appendingPathComponent(relative)
    }
}

/// `rename(2)` (a name that does not clash with `FileManager`'s).
private func Glibc_rename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
