import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that keeps two runs of the same script for the same org/env from overlapping (a slow
/// cron run and the next one): `tmp/locks/<script>_<org>-<env>.lock` under the project root,
/// held with `flock(LOCK_EX | LOCK_NB)` for the whole run, dry runs included (a dry run reads the
/// same API and folders, and its report would describe a state the other run is changing).
///
/// This is a separate type from ``RunLock``: that one is the retention marker in `output/`, one
/// file per run id that only says "this run is alive, keep its files", and many can exist at once
/// (for different scripts or org/envs). This one is exclusive and keyed by script/org/env.
///
/// While held, the file says who holds it (one JSON line: `pid`, `host`, `runId`, `startedAt`);
/// a second run reads it and stops with exit 75 (``ExitCode/temporaryFailure``: try again later)
/// naming the owner. The file is removed when the lock is released (while still locked; a
/// process that opened it just before sees that its file left the path and opens the path again).
///
/// A lock left by a process that has died (killed with `kill -9`, a crash, a reboot) is not
/// stale in the file system's eyes: the kernel drops an `flock` when its last descriptor closes,
/// which happens at process death. The next run simply gets the lock, finds the previous
/// owner's line, and logs that it took it over. On a folder shared by several machines (NFS),
/// `flock` semantics of that file system apply: Linux's NFS client maps `flock` to NFS byte-range
/// locks, which the server holds across machines and drops when the client's lease expires;
/// a file system that keeps `flock` local to each machine gives no protection across machines.
final class ScriptRunLock: Sendable {
    /// Who holds a lock, as its file says.
    struct Owner: Codable, Equatable, Sendable {
        /// The process id.
        var pid: Int32
        /// The host name.
        var host: String
        /// The run's id.
        var runId: String
        /// When the run started, ISO 8601 UTC.
        var startedAt: String
    }

    /// The lock file's path relative to the project root.
    let relativePath: String
    /// The owner a dead process left in the file, if any (the lock was taken over).
    let previousOwner: Owner?
    private let url: URL
    private let descriptor: Mutex<Int32>

    /// `tmp/locks/<script>_<org>-<env>.lock` (org and env are checked identifiers; a character of
    /// the script's name that is not a letter, digit, `-` or `_` becomes `_`).
    static func relativePath(script: String, org: String, env: String) -> String {
        let safe = String(script.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        return "tmp/locks/\(safe)_\(org)-\(env).lock"
    }

    private init(relativePath: String, url: URL, descriptor: Int32, previousOwner: Owner?) {
        self.relativePath = relativePath
        self.url = url
        self.descriptor = Mutex(descriptor)
        self.previousOwner = previousOwner
    }

    /// Takes the lock for `owner`, or throws a `HelpfulError`: exit 75 when a live process holds
    /// it (naming it), exit 1 when the lock file cannot be created.
    static func acquire(
        projectRoot: URL, script: String, org: String, env: String, owner: Owner
    ) throws(HelpfulError) -> ScriptRunLock {
        let relative = relativePath(script: script, org: org, env: env)
        let url = projectRoot.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = try lockedDescriptor(url, relative: relative, script: script, org: org, env: env)
        let previous = readOwner(descriptor)
        var line = (try? JSONEncoder.sortedKeys.encode(owner)) ?? Data()
        line.append(0x0A)
        let written = line.withUnsafeBytes { bytes in
            ftruncate(descriptor, 0) == 0 ? pwrite(descriptor, bytes.baseAddress, bytes.count, 0) : -1
        }
        if written != line.count {
            let code = errno
            close(descriptor)
            throw cannotCreate(relative, errno: code)
        }
        return ScriptRunLock(relativePath: relative, url: url, descriptor: descriptor, previousOwner: previous)
    }

    /// Removes the file, then drops the lock (closing the descriptor releases the `flock`).
    /// The run calls it at the end of every outcome; a second call does nothing.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            _ = unlink(url.path)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit {
        release()
    }

    /// Opens and locks the file. A release removes the file before it unlocks it, so a process
    /// that opened the file just before may lock a file no longer at the path: it checks that the
    /// locked file is still the one at the path, and otherwise opens the path again.
    private static func lockedDescriptor(
        _ url: URL, relative: String, script: String, org: String, env: String
    ) throws(HelpfulError) -> Int32 {
        // Each retry means another run released the lock meanwhile; after 100 the path is too busy to say.
        for _ in 0..<100 {
            let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw cannotCreate(relative, errno: errno) }
            var result: Int32
            repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
            guard result == 0 else {
                let code = errno
                let holder = readOwner(descriptor)
                close(descriptor)
                guard code == EWOULDBLOCK || code == EAGAIN else { throw cannotCreate(relative, errno: code) }
                throw held(relative, script: script, org: org, env: env, by: holder)
            }
            var locked = stat()
            var atPath = stat()
            if fstat(descriptor, &locked) == 0, stat(url.path, &atPath) == 0,
               locked.st_ino == atPath.st_ino, locked.st_dev == atPath.st_dev {
                return descriptor
            }
            close(descriptor)
        }
        throw held(relative, script: script, org: org, env: env, by: nil)
    }

    /// The owner line of an open lock file, nil when it is empty or unreadable.
    private static func readOwner(_ descriptor: Int32) -> Owner? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return try? JSONDecoder().decode(Owner.self, from: Data(buffer.prefix(count)))
    }
}

extension JSONEncoder {
    /// A JSON encoder with sorted keys (stable files).
    fileprivate static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
