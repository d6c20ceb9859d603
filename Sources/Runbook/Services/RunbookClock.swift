public import Foundation

/// The run's source of time: wall-clock time for timestamps, a monotonic reading for
/// measuring intervals, and sleeping. Everything in Runbook that waits or measures (retries,
/// rate limits, circuit breakers, async polling, timestamps in file names) asks this clock,
/// so a test can inject a manual one and take no real time.
public protocol RunbookClock: Sendable {
    /// The current wall-clock time (used for UTC timestamps).
    func now() -> Date
    /// A monotonic reading: time elapsed since an arbitrary, fixed origin.
    func monotonicNow() -> Duration
    /// Suspends for `duration` (throws `CancellationError` when the task is cancelled).
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()`, `ContinuousClock` and `Task.sleep`.
public struct SystemClock: RunbookClock {
    private let origin = ContinuousClock.now

    /// Creates the system clock.
    public init() {}

    public func now() -> Date { Date() }

    public func monotonicNow() -> Duration { ContinuousClock.now - origin }

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        try await Task.sleep(for: duration)
    }
}
