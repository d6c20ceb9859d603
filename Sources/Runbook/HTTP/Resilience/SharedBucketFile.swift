import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of a token bucket shared by processes: one small file, `<folder>/<host>.bucket`,
/// holding one line `runbook-rate-limit/1 <tokens> <last refill, ns>`, read and rewritten under
/// `flock(LOCK_EX)` on every reservation, so that every process that opens it (the targets of a
/// fleet, the runs on one machine) takes its tokens from the same bucket.
///
/// The refill instant is a reading of ``SystemWideClock`` (on Linux `CLOCK_BOOTTIME`, which every
/// process of the machine, containers included, reads alike), so one process's "now" means the
/// same to the next. A refill instant in the future (the machine rebooted and the file survived),
/// or a line that cannot be read (a process died in the middle of a write), starts a full
/// bucket: at worst one extra burst. Processes on different machines must not share a file
/// (their boot clocks differ): scope `host` means this machine.
///
/// The lock is held only to read, compute and write the line (no sleeping under it); within a
/// process a mutex orders the callers, since `flock` does not exclude users of one descriptor.
final class SharedBucketFile: Sendable {
    /// The state file.
    let url: URL
    private let descriptor: Mutex<Int32>

    /// A state file, opened (and created, with its folder) on first use.
    init(url: URL) {
        self.url = url
        descriptor = Mutex(-1)
    }

    deinit {
        descriptor.withLock { if $0 >= 0 { close($0) } }
    }

    /// Takes one token at `now` (possibly going into debt) from the shared state and returns how
    /// long the caller must wait before sending; a `HelpfulError` when the file cannot be used.
    func reserve(now: Duration, rate: Double, burst: Int) throws(HelpfulError) -> Duration {
        let result: Result<Duration, HelpfulError> = descriptor.withLock { descriptor in
            if descriptor < 0 {
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { return .failure(Self.failure(url, errno)) }
            }
            var locked: Int32
            repeat { locked = flock(descriptor, LOCK_EX) } while locked != 0 && errno == EINTR
            guard locked == 0 else { return .failure(Self.failure(url, errno)) }
            defer { _ = flock(descriptor, LOCK_UN) }
            var state = Self.read(descriptor).flatMap { $0.updated <= now ? $0 : nil }
                ?? TokenBucket.State(tokens: Double(burst), updated: now)
            let wait = state.take(now: now, rate: rate, burst: burst)
            let line = Array("runbook-rate-limit/1 \(state.tokens) \(Self.nanoseconds(state.updated))\n".utf8)
            let written = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            guard written == line.count else { return .failure(Self.failure(url, errno)) }
            _ = ftruncate(descriptor, off_t(line.count))
            return .success(wait)
        }
        return try result.get()
    }

    /// The state in the file, nil when it is empty or not a state line.
    private static func read(_ descriptor: Int32) -> TokenBucket.State? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer.prefix(count), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 3, fields[0] == "runbook-rate-limit/1", let tokens = Double(fields[1]), tokens.isFinite,
              let updated = Int64(fields[2]), updated >= 0
        else { return nil }
        return TokenBucket.State(tokens: tokens, updated: .nanoseconds(updated))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    private static func failure(_ url: URL, _ code: Int32) -> HelpfulError {
        HelpfulError(
            code: .runSharedRateLimitUnavailable,
            problem: "Cannot use the shared rate-limit state \(url.path): \(String(cString: strerror(code)))",
            solution: "Check that the project's tmp/rate-limits/ folder can be created and written by every run that "
                + "shares it, or set script-behavior.rate-limiting.scope to run",
            example: "mkdir -p tmp/rate-limits && chmod u+rwx tmp/rate-limits",
            location: ErrorLocation(file: url.path, keyPath: "script-behavior.rate-limiting.scope"))
    }
}
