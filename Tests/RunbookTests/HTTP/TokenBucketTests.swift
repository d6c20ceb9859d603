import Runbook
import RunbookTesting
import Testing

@Suite("HTTP token bucket")
struct HTTPTokenBucketTests {
    /// Counts how many acquisitions complete within `window` when callers keep asking.
    func admitted(rate: Double, burst: Int, window: Duration) async throws -> Int {
        let clock = ManualClock()
        let bucket = TokenBucket(rate: rate, burst: burst, clock: clock)
        var count = 0
        while true {
            try await bucket.acquire()
            guard clock.monotonicNow() <= window else { break }
            count += 1
        }
        return count
    }

    @Test("stays within ±5 % of the configured rate over 10 s", arguments: [
        (10.0, 1), (10.0, 5), (0.5, 1), (250.0, 20), (1000.0, 100),
    ])
    func rate(rate: Double, burst: Int) async throws {
        let count = try await admitted(rate: rate, burst: burst, window: .seconds(10))
        let expected = rate * 10
        #expect(Double(count) >= expected * 0.95)
        #expect(Double(count) <= expected * 1.05 + Double(burst))
    }

    @Test("10/s with burst 1: exactly one call every 100 ms")
    func spacing() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(rate: 10, burst: 1, clock: clock)
        for _ in 0..<4 { try await bucket.acquire() }
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(100), .milliseconds(100)])
    }

    @Test("a full bucket lets the burst through at once, then paces")
    func burst() async throws {
        let clock = ManualClock()
        let bucket = TokenBucket(rate: 2, burst: 3, clock: clock)
        for _ in 0..<4 { try await bucket.acquire() }
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test("concurrent callers are spaced, never admitted together")
    func concurrent() async throws {
        let clock = ManualClock(mode: .manual)
        let bucket = TokenBucket(rate: 10, burst: 1, clock: clock)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { try await bucket.acquire() } }
            while clock.pendingSleepers < 19 { await Task.yield() }
            clock.advance(by: .seconds(2))
            try await group.waitForAll()
        }
        // One goes at once; the others wait 100 ms, 200 ms, … 1.9 s (each reserved its own slot).
        let waits = clock.sleeps.sorted()
        #expect(waits == (1...19).map { Duration.milliseconds(100 * $0) })
    }

    @Test("settings: disabled gives no limiter, values are clamped")
    func settings() {
        let clock = ManualClock()
        #expect(TokenBucket(settings: RateLimitSettings(), clock: clock) == nil)
        let bucket = TokenBucket(settings: RateLimitSettings(enabled: true, callsPerSecond: 5000, burstSize: 0), clock: clock)
        #expect(bucket?.rate == 1000)
        #expect(bucket?.burst == 1)
    }
}
