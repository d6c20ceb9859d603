#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The end of one exchange (connect, TLS handshake, send, response head and body), and the one
/// way the socket code waits for it: every wait for the socket is a `poll` bounded by what is
/// left until ``end``, so the whole exchange ends there, however the server spaces its bytes.
///
/// `now` is the time source (the continuous clock; a test moves it to see a deadline pass
/// without waiting for it).
package struct AttemptDeadline: Sendable {
    /// When the exchange must be over.
    package private(set) var end: ContinuousClock.Instant
    /// The current time.
    package let now: @Sendable () -> ContinuousClock.Instant
    /// The exchange's other bound: the largest response body it may read (Runbook's `HTTPExchangeLimits`).
    package var maximumBodyBytes = Int.max
    /// Time the deadline moves on per MiB of an announced response body (Runbook's `HTTPExchangeLimits`).
    package var downloadAllowancePerMiB = Duration.zero

    /// This deadline moved on by the download allowance for a body of `bytes`.
    package func extended(forBodyBytes bytes: Int) -> AttemptDeadline {
        guard downloadAllowancePerMiB > .zero, bytes > 0 else { return self }
        var extended = self
        extended.end = end + downloadAllowancePerMiB * (Double(bytes) / 1_048_576)
        return extended
    }

    /// A deadline `timeout` from now.
    package init(after timeout: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.now = now
        end = now() + timeout
    }

    /// Whether the deadline has passed.
    package var hasPassed: Bool { now() >= end }

    /// Whole milliseconds left (at least 1 while any time is left, 0 once it has passed).
    package var millisecondsLeft: Int32 {
        let remaining = end - now()
        guard remaining > .zero else { return 0 }
        let ms = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(ms, 1))
    }

    /// Waits until `fd` is ready for `events` (`POLLIN`, `POLLOUT`), or throws
    /// ``HTTPTransportError/Kind/timedOut`` with `message` when the deadline passes first.
    /// A socket shut down meanwhile (task cancellation) counts as ready, so the caller sees it at once.
    package func wait(for fd: Int32, events: Int16, timeout message: @autoclosure () -> String) throws {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let milliseconds = millisecondsLeft
            guard milliseconds > 0 else { throw HTTPTransportError(.timedOut, message()) }
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready == 0 { throw HTTPTransportError(.timedOut, message()) }
            let code = errno
            if code != EINTR { throw HTTPTransportError(.connectionFailed, "waiting for the socket failed (errno \(code))") }
        }
    }
}
