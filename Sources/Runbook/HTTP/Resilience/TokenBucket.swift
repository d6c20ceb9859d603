import Synchronization

/// A token-bucket rate limiter: `rate` requests per second sustained, up to `burst` at once after
/// a quiet period. Safe under concurrency: each caller reserves its slot under a lock and then
/// sleeps (on the injected clock) until the slot's time, so concurrent callers are spaced
/// exactly `1 / rate` apart and the long-run rate never exceeds the configured one.
///
/// ```swift
/// let bucket = TokenBucket(rate: 10, burst: 1, clock: clock)
/// try await bucket.acquire()   // returns when a request may go
/// ```
public final class TokenBucket: Sendable {
    private struct State {
        var tokens: Double
        var updated: Duration
    }

    /// Requests per second.
    public let rate: Double
    /// Bucket capacity.
    public let burst: Int
    private let clock: any RunbookClock
    private let state: Mutex<State>

    /// Creates a full bucket. `rate` is clamped to 0.1–1000 and `burst` to 1–100.
    public init(rate: Double, burst: Int, clock: any RunbookClock) {
        self.rate = min(max(rate, 0.1), 1000)
        self.burst = min(max(burst, 1), 100)
        self.clock = clock
        state = Mutex(State(tokens: Double(self.burst), updated: clock.monotonicNow()))
    }

    /// Creates a bucket from the `rate-limiting` settings (nil when disabled).
    public convenience init?(settings: RateLimitSettings, clock: any RunbookClock) {
        guard settings.enabled else { return nil }
        self.init(rate: settings.callsPerSecond, burst: settings.burstSize, clock: clock)
    }

    /// Waits until one request may be sent; returns how long it waited (on the injected clock).
    @discardableResult
    public func acquire() async throws -> Duration {
        let wait = reserve()
        if wait > .zero { try await clock.sleep(for: wait) }
        return wait
    }

    /// Takes one token (possibly going into debt) and returns how long the caller must wait.
    func reserve() -> Duration {
        let now = clock.monotonicNow()
        return state.withLock { state in
            let elapsed = Self.seconds(now - state.updated)
            state.updated = now
            state.tokens = min(Double(burst), state.tokens + max(elapsed, 0) * rate)
            state.tokens -= 1
            guard state.tokens < 0 else { return .zero }
            let seconds = -state.tokens / rate
            return .nanoseconds(Int64((seconds * 1e9).rounded(.up)))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
