// A tiny process for the test of the shared rate limit between processes: it takes N tokens from
// a shared token bucket (the state file of `rate-limiting.scope` fleet/host) as fast as the
// bucket lets it, on a clock that reads the machine-wide monotonic clock but does not really
// sleep, and prints one line per grant: `<reserved at, ns> <slot, ns>` (the slot is when the
// request may go). The test checks that the grants of several such processes together never
// exceed what one bucket allows; nothing depends on how fast the machine is.
//
//     runbook-rate-limit-helper <state-file> <calls-per-second> <burst> <count>
import Foundation
import Runbook
import Synchronization

let arguments = CommandLine.arguments
guard arguments.count == 5, let rate = Double(arguments[2]), let burst = Int(arguments[3]), let count = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: runbook-rate-limit-helper <state-file> <calls-per-second> <burst> <count>\n".utf8))
    exit(64)
}

/// The system clock's machine-wide reading, remembering the last one (the instant the bucket
/// reserved at, read under the file's lock); `sleep` returns at once.
final class NonSleepingClock: SystemWideClock {
    private let system = SystemClock()
    private let last = Mutex(Duration.zero)
    var lastReading: Duration { last.withLock { $0 } }
    func now() -> Date { system.now() }
    func monotonicNow() -> Duration { system.monotonicNow() }
    func systemWideMonotonicNow() -> Duration {
        let now = system.systemWideMonotonicNow()
        last.withLock { $0 = now }
        return now
    }
    func sleep(for duration: Duration) async throws {}
}

func nanoseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
}

let clock = NonSleepingClock()
let bucket = TokenBucket(rate: rate, burst: burst, clock: clock, sharedState: URL(fileURLWithPath: arguments[1]))
var lines = ""
do {
    for _ in 0..<count {
        let wait = try await bucket.acquire()
        let reserved = clock.lastReading
        lines += "\(nanoseconds(reserved)) \(nanoseconds(reserved + wait))\n"
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
FileHandle.standardOutput.write(Data(lines.utf8))
