public import Foundation
import Synchronization

/// A token-bucket rate limiter: `rate` requests per second sustained, up to `burst` at once after
/// a quiet period. Safe under concurrency: each caller reserves its slot under a lock and then
/// sleeps (on the injected clock) until the slot's time, so concurrent callers are spaced
/// exactly `1 / rate` apart and the long-run rate never exceeds the configured one.
///
/// A bucket made with a `sharedState` file keeps its tokens in that file instead of in memory
/// (``SharedBucketFile``): every bucket, in any process of the machine, that uses the same file
/// draws from one bucket (`rate-limiting.scope` `fleet` or `host`). It is timed on the machine-wide
/// monotonic clock when `clock` is the ``SystemClock``, and sleeps on `clock` either way.
///
/// ```swift
/// let bucket = TokenBucket(rate: 10, burst: 1, clock: clock)
/// try await bucket.acquire()   // returns when a request may go
/// ```
public final class TokenBucket: Sendable {
    /// Tokens left (negative: reserved ahead) and when they were last counted.
    struct State {
        var tokens: Double
        var updated: Duration

        /// Refills for the time since `updated`, takes one token and returns how long the taker
        /// must wait for it (zero when one was there).
        mutating func take(now: Duration, rate: Double, burst: Int) -> Duration {
            let elapsed = TokenBucket.seconds(now - updated)
            updated = max(updated, now)
            tokens = min(Double(burst), tokens + max(elapsed, 0) * rate)
            tokens -= 1
            guard tokens < 0 else { return .zero }
            let seconds = -tokens / rate
            return .nanoseconds(Int64((seconds * 1e9).rounded(.up)))
        }
    }

    /// Requests per second.
    public let rate: Double
    /// Bucket capacity.
    public let burst: Int
    private let clock: any RunbookClock
    /// The tokens of a bucket of its own.
    private let state: Mutex<State>
    /// The tokens of a shared bucket (then `state` is unused).
    private let file: SharedBucketFile?

    /// Creates a full bucket. `rate` is clamped to 0.1–1000 and `burst` to 1–100.
    public init(rate: Double, burst: Int, clock: any RunbookClock) {
        self.rate = min(max(rate, 0.1), 1000)
        self.burst = min(max(burst, 1), 100)
        self.clock = clock
        state = Mutex(State(tokens: Double(self.burst), updated: clock.monotonicNow()))
        file = nil
    }

    /// Creates a bucket whose state is the file `sharedState` (created on first use; a new file is
    /// a full bucket), shared with every other bucket that uses it. When the file cannot be used,
    /// ``acquire()`` throws a `HelpfulError` saying so.
    public init(rate: Double, burst: Int, clock: any RunbookClock, sharedState: URL) {
        self.rate = min(max(rate, 0.1), 1000)
        self.burst = min(max(burst, 1), 100)
        self.clock = clock
        state = Mutex(State(tokens: Double(self.burst), updated: .zero))
        file = SharedBucketFile(url: sharedState)
    }

    /// Creates a bucket from the `rate-limiting` settings (nil when disabled), its state in
    /// `sharedState` when given.
    public convenience init?(settings: RateLimitSettings, clock: any RunbookClock, sharedState: URL?) {
        guard settings.enabled else { return nil }
        guard let sharedState else {
            self.init(rate: settings.callsPerSecond, burst: settings.burstSize, clock: clock)
            return
        }
        self.init(rate: settings.callsPerSecond, burst: settings.burstSize, clock: clock, sharedState: sharedState)
    }

    /// Creates a bucket from the `rate-limiting` settings (nil when disabled).
    public convenience init?(settings: RateLimitSettings, clock: any RunbookClock) {
        guard settings.enabled else { return nil }
        self.init(rate: settings.callsPerSecond, burst: settings.burstSize, clock: clock)
    }

    /// The shared state file, nil for a bucket of its own.
    public var sharedState: URL? { file?.url }

    /// Waits until one request may be sent; returns how long it waited (on the injected clock).
    @discardableResult
    public func acquire() async throws -> Duration {
        let wait = try reserve()
        if wait > .zero { try await clock.sleep(for: wait) }
        return wait
    }

    /// Takes one token (possibly going into debt) and returns how long the caller must wait.
    func reserve() throws(HelpfulError) -> Duration {
        if let file {
            return try file.reserve(now: { clock.sharedMonotonicNow }, rate: rate, burst: burst)
        }
        let now = clock.monotonicNow()
        return state.withLock { $0.take(now: now, rate: rate, burst: burst) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
