import Foundation
import LoopbackHTTPServer
import Synchronization

/// Applies the current `DemoFaults` to each request: decides, from a seeded sequence (so a run
/// is reproducible), whether the request fails, and how long the answer waits.
final class FaultInjector: Sendable {
    private struct State {
        var faults: DemoFaults
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15
    }

    private let state: Mutex<State>

    init(_ faults: DemoFaults) {
        state = Mutex(State(faults: faults))
    }

    /// The faults in force.
    var faults: DemoFaults {
        get { state.withLock { $0.faults } }
        set { state.withLock { $0.faults = newValue } }
    }

    /// The injected failure for the next request, if it is to fail.
    func failure() -> LoopbackResponse? {
        let faults: DemoFaults? = state.withLock { state in
            if state.faults.failNext > 0 {
                state.faults.failNext -= 1
                return state.faults
            }
            guard state.faults.failRate > 0 else { return nil }
            return Self.nextUnit(&state.random) < state.faults.failRate ? state.faults : nil
        }
        guard let faults else { return nil }
        let headers: [(name: String, value: String)] = faults.retryAfter > 0 ? [("Retry-After", "\(faults.retryAfter)")] : []
        let message = faults.failStatus == 429 ? "Too many requests: the demo API is throttling (injected fault)"
            : "The demo API is unavailable (injected fault)"
        return DemoJSON.error(faults.failStatus, faults.failStatus == 429 ? "TooManyRequests" : "ServiceUnavailable",
                              message, headers: headers)
    }

    /// The delay to add to an answer.
    var delay: TimeInterval {
        Double(faults.slowMilliseconds) / 1000
    }

    /// SplitMix64: a uniform value in 0 ..< 1.
    private static func nextUnit(_ seed: inout UInt64) -> Double {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
