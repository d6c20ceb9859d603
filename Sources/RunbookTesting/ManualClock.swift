public import Foundation
public import Runbook
import Synchronization

/// A clock for tests: time moves only when the test (or a sleeping caller) moves it, so retries,
/// backoff, rate limits and async polling take no real time.
///
/// In `.autoAdvance` mode (the default) a `sleep(for:)` returns at once after moving the clock
/// forward to the sleeper's deadline; concurrent sleepers that start together overlap, as they
/// would in real time. In `.manual` mode a sleeper waits until `advance(by:)` passes its deadline.
///
/// ```swift
/// let clock = ManualClock()
/// try await clock.sleep(for: .seconds(3))
/// #expect(clock.sleeps == [.seconds(3)])
/// ```
public final class ManualClock: RunbookClock {
    /// How sleeping behaves.
    public enum Mode: Sendable {
        /// Sleeping advances the clock and returns immediately.
        case autoAdvance
        /// Sleeping waits for `advance(by:)`.
        case manual
    }

    private struct Sleeper {
        let id: UInt64
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var elapsed: Duration = .zero
        var sleeps: [Duration] = []
        var sleepers: [Sleeper] = []
        var nextID: UInt64 = 0
    }

    private let mode: Mode
    private let start: Date
    private let state = Mutex(State())

    /// Creates a clock whose wall time starts at `start` (default 2025-01-25T14:30:45Z).
    public init(start: Date = Date(timeIntervalSince1970: 1_737_815_445), mode: Mode = .autoAdvance) {
        self.start = start
        self.mode = mode
    }

    public func now() -> Date {
        let elapsed = state.withLock { $0.elapsed }
        return start.addingTimeInterval(elapsed.seconds)
    }

    public func monotonicNow() -> Duration {
        state.withLock { $0.elapsed }
    }

    /// Every duration passed to `sleep(for:)`, in call order.
    public var sleeps: [Duration] {
        state.withLock { $0.sleeps }
    }

    /// The total time slept (sum of `sleeps`).
    public var totalSlept: Duration {
        sleeps.reduce(.zero, +)
    }

    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        switch mode {
        case .autoAdvance:
            state.withLock { state in
                state.sleeps.append(duration)
                if duration > .zero { state.elapsed += duration }
            }
        case .manual:
            guard duration > .zero else {
                state.withLock { $0.sleeps.append(duration) }
                return
            }
            let id = state.withLock { state -> UInt64 in
                state.nextID += 1
                return state.nextID
            }
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    state.withLock { state in
                        state.sleeps.append(duration)
                        state.sleepers.append(
                            Sleeper(id: id, deadline: state.elapsed + duration, continuation: continuation))
                    }
                }
            } onCancel: {
                let sleeper = state.withLock { state -> Sleeper? in
                    guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.sleepers.remove(at: index)
                }
                sleeper?.continuation.resume(throwing: CancellationError())
            }
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed, earliest first.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.elapsed += duration
            let due = state.sleepers.filter { $0.deadline <= state.elapsed }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= state.elapsed }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// The number of callers currently waiting (manual mode).
    public var pendingSleepers: Int {
        state.withLock { $0.sleepers.count }
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
