public import Foundation
import Synchronization

/// The run's rate limiters and circuit breakers, one of each per host (`host:port`), shared by
/// every client and request that talks to that host. With a `sharedStateFolder`
/// (`rate-limiting.scope` `fleet` or `host`, see ``RateLimitScope``), each host's limiter keeps
/// its tokens in `<folder>/<host>_<port>.bucket`, shared with the other processes that use the
/// folder; the breakers stay the run's own.
///
/// ```swift
/// let shared = HostResilience(behavior: behavior, clock: clock)
/// let bucket = shared.limiter(for: "api.example.com")
/// ```
public final class HostResilience: Sendable {
    private struct Entry {
        let limiter: TokenBucket?
        let breaker: CircuitBreaker?
    }

    private let rateLimiting: RateLimitSettings
    private let circuitBreaker: CircuitBreakerSettings
    private let clock: any RunbookClock
    private let sharedStateFolder: URL?
    private let entries = Mutex<[String: Entry]>([:])

    /// Creates an empty registry from the `rate-limiting` and `circuit-breaker` settings; the
    /// limiters keep their state in `sharedStateFolder` when given.
    public init(behavior: HTTPBehaviorSettings, clock: any RunbookClock, sharedStateFolder: URL? = nil) {
        rateLimiting = behavior.rateLimiting
        circuitBreaker = behavior.circuitBreaker
        self.clock = clock
        self.sharedStateFolder = sharedStateFolder
    }

    /// The state file of `host`'s shared limiter: `host:port` with every character that is not a
    /// letter, digit, `.` or `-` as `_`, then `.bucket`.
    static func stateFileName(host: String) -> String {
        String(host.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "_" })
            + ".bucket"
    }

    /// The host's limiter (nil when rate limiting is off).
    public func limiter(for host: String) -> TokenBucket? {
        entry(for: host).limiter
    }

    /// The host's breaker (nil when the breaker is off).
    public func breaker(for host: String) -> CircuitBreaker? {
        entry(for: host).breaker
    }

    private func entry(for host: String) -> Entry {
        let key = host.lowercased()
        return entries.withLock { entries in
            if let entry = entries[key] { return entry }
            let entry = Entry(
                limiter: TokenBucket(
                    settings: rateLimiting, clock: clock,
                    sharedState: sharedStateFolder?.appendingPathComponent(Self.stateFileName(host: key))),
                breaker: CircuitBreaker(name: key, settings: circuitBreaker, clock: clock))
            entries[key] = entry
            return entry
        }
    }
}
