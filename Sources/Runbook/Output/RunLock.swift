import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The mark a run leaves in `output/` while it is going, `.run_<short run id>_<host>-<pid>.lock`,
/// so that retention (`OutputStore.removeExpiredFiles`) never removes the files of a run that is
/// still going, however old. Created at the start of a run, removed at its end; a lock whose
/// process has ended (killed) protects nothing and is removed by the next prune.
struct RunLock: Equatable {
    /// The run's short id (as in its file names).
    var shortID: String
    /// Who holds it.
    var writer: TemporaryFileName.Writer

    /// `.run_<short>_<host>-<pid>.lock`.
    var fileName: String { ".run_\(shortID)_\(writer.host)-\(writer.pid).lock" }

    /// The lock a file name stands for, or nil.
    init?(fileName name: String) {
        guard name.hasPrefix(".run_"), name.hasSuffix(".lock") else { return nil }
        let parts = name.dropFirst(5).dropLast(5).split(separator: "_")
        guard parts.count == 2, parts[0].utf8.count == 12 else { return nil }
        let owner = parts[1].split(separator: "-")
        guard owner.count == 2, owner[0].utf8.count == 8, let pid = Int32(owner[1]), pid > 0 else { return nil }
        self.init(shortID: String(parts[0]), writer: TemporaryFileName.Writer(host: String(owner[0]), pid: pid))
    }

    init(shortID: String, writer: TemporaryFileName.Writer = .current) {
        self.shortID = shortID
        self.writer = writer
    }

    /// Whether the run may still be going: its process runs (this host), or it is another host's.
    var mayBeRunning: Bool {
        writer.host != TemporaryFileName.Writer.current.host || writer.isRunning
    }

    /// Creates the lock file in `folder` (created if missing); false when it cannot.
    @discardableResult
    func acquire(in folder: URL) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(folder.appendingPathComponent(fileName).path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// Removes the lock file.
    func release(in folder: URL) {
        unlink(folder.appendingPathComponent(fileName).path)
    }
}
