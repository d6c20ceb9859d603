#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A monotonic reading that every process of the machine agrees on, for state that processes
/// share (``SharedBucketFile``). ``SystemClock``'s own `monotonicNow()` starts at zero in each
/// process, so it cannot be compared across processes; this one can.
package protocol SystemWideClock: RunbookClock {
    /// Time since a fixed, machine-wide origin (Linux: `CLOCK_BOOTTIME`, which also counts suspended
    /// time and is the same in every container on the kernel; elsewhere `CLOCK_MONOTONIC`).
    func systemWideMonotonicNow() -> Duration
}

extension SystemClock: SystemWideClock {
    package func systemWideMonotonicNow() -> Duration {
        var now = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_BOOTTIME, &now)
        #else
        clock_gettime(CLOCK_MONOTONIC, &now)
        #endif
        return .seconds(Int64(now.tv_sec)) + .nanoseconds(Int64(now.tv_nsec))
    }
}

extension RunbookClock {
    /// The reading shared state uses: the machine-wide one for a ``SystemWideClock``; for any other
    /// clock (a test's `ManualClock`, which instances "in two processes" share) its monotonic reading.
    var sharedMonotonicNow: Duration {
        (self as? any SystemWideClock)?.systemWideMonotonicNow() ?? monotonicNow()
    }
}
