import Synchronization

/// The run's rate limiters and circuit breakers, one of each per host (`host:port`), shared by
/// every client and request that talks to that host.
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
    private let entries = Mutex<[String: Entry]>([:])

    /// Creates an empty registry from the `rate-limiting` and `circuit-breaker` settings.
    public init(behavior: HTTPBehaviorSettings, clock: any RunbookClock) {
        rateLimiting = behavior.rateLimiting
        circuitBreaker = behavior.circuitBreaker
        self.clock = clock
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
                limiter: TokenBucket(settings: rateLimiting, clock: clock),
                breaker: CircuitBreaker(name: key, settings: circuitBreaker, clock: clock))
            entries[key] = entry
            return entry
        }
    }
}
