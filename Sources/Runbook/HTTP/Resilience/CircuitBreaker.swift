import Synchronization

/// A circuit breaker: after `failureThreshold` consecutive failures (transport errors,
/// timeouts, 5xx; never 4xx) it opens and fails calls fast with ``CircuitOpenError``; after
/// `openDuration` it is half-open and lets exactly one probe through while every other call
/// still fails fast; the probe's outcome closes it again or re-opens it for another period.
///
/// ```swift
/// let breaker = CircuitBreaker(name: "api.example.com", failureThreshold: 5, openDuration: .seconds(60), clock: clock)
/// let permit = try breaker.admit()
/// breaker.record(.success, for: permit)
/// ```
public final class CircuitBreaker: Sendable {
    /// What one admitted attempt turned out to be.
    public enum Outcome: Sendable {
        /// The service answered (2xx–4xx): it is healthy.
        case success
        /// Transport failure, timeout or 5xx.
        case failure
        /// No verdict (the attempt was cancelled): a probe slot is given back.
        case abandoned
    }

    /// Permission to send one attempt.
    public enum Permit: Sendable, Equatable {
        /// Sent while closed.
        case normal
        /// The single half-open probe.
        case probe
    }

    /// The breaker's state, for logs and tests.
    public enum State: Sendable, Equatable {
        /// Calls flow; `failures` consecutive failures so far.
        case closed(failures: Int)
        /// Calls fail fast until `until` (monotonic clock).
        case open(until: Duration)
        /// One probe may go; `probeInFlight` tells whether it is out.
        case halfOpen(probeInFlight: Bool)
    }

    /// What the breaker protects (a host), used in its error.
    public let name: String
    /// Consecutive failures that open it.
    public let failureThreshold: Int
    /// How long it stays open.
    public let openDuration: Duration
    private let clock: any RunbookClock
    private let current = Mutex(State.closed(failures: 0))

    /// Creates a closed breaker.
    public init(name: String, failureThreshold: Int, openDuration: Duration, clock: any RunbookClock) {
        self.name = name
        self.failureThreshold = max(1, failureThreshold)
        self.openDuration = openDuration
        self.clock = clock
    }

    /// Creates a breaker from the `circuit-breaker` settings (nil when disabled).
    public convenience init?(name: String, settings: CircuitBreakerSettings, clock: any RunbookClock) {
        guard settings.enabled else { return nil }
        self.init(name: name, failureThreshold: settings.failureThreshold,
                  openDuration: .seconds(settings.timeoutSeconds), clock: clock)
    }

    /// The current state (an open breaker past its period reads as half-open).
    public var state: State {
        let now = clock.monotonicNow()
        return current.withLock { state in
            if case .open(let until) = state, now >= until { state = .halfOpen(probeInFlight: false) }
            return state
        }
    }

    /// Lets an attempt through or throws ``CircuitOpenError``.
    public func admit() throws(CircuitOpenError) -> Permit {
        let now = clock.monotonicNow()
        let verdict: Result<Permit, CircuitOpenError> = current.withLock { state in
            switch state {
            case .closed:
                return .success(.normal)
            case .open(let until) where now < until:
                return .failure(CircuitOpenError(name: name, retryIn: until - now, probeInFlight: false))
            case .open, .halfOpen(probeInFlight: false):
                state = .halfOpen(probeInFlight: true)
                return .success(.probe)
            case .halfOpen(probeInFlight: true):
                return .failure(CircuitOpenError(name: name, retryIn: nil, probeInFlight: true))
            }
        }
        return try verdict.get()
    }

    /// Records what an admitted attempt turned out to be; returns whether this opened the breaker.
    @discardableResult
    public func record(_ outcome: Outcome, for permit: Permit) -> Bool {
        let now = clock.monotonicNow()
        return current.withLock { state in
            let wasOpen = if case .open = state { true } else { false }
            switch (permit, outcome, state) {
            case (.probe, .success, _):
                state = .closed(failures: 0)
            case (.probe, .failure, _):
                state = .open(until: now + openDuration)
            case (.probe, .abandoned, _):
                state = .halfOpen(probeInFlight: false)
            case (.normal, .success, .closed):
                state = .closed(failures: 0)
            case (.normal, .failure, .closed(let failures)):
                state = failures + 1 >= failureThreshold
                    ? .open(until: now + openDuration) : .closed(failures: failures + 1)
            case (.normal, _, _):
                break  // a straggler admitted before the breaker opened: no verdict on the new state
            }
            if case .open = state { return !wasOpen || permit == .probe }
            return false
        }
    }
}
