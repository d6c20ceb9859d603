import Runbook
import RunbookTesting
import Testing

@Suite("HTTP circuit breaker")
struct HTTPCircuitBreakerTests {
    func breaker(_ clock: ManualClock, threshold: Int = 3) -> CircuitBreaker {
        CircuitBreaker(name: "api.example.com", failureThreshold: threshold, openDuration: .seconds(60), clock: clock)
    }

    @Test("opens after the threshold of consecutive failures; a success resets the count")
    func opens() throws {
        let clock = ManualClock()
        let breaker = breaker(clock)
        for outcome in [CircuitBreaker.Outcome.failure, .failure, .success, .failure, .failure] {
            breaker.record(outcome, for: try breaker.admit())
        }
        #expect(breaker.state == .closed(failures: 2))
        breaker.record(.failure, for: try breaker.admit())
        #expect(breaker.state == .open(until: .seconds(60)))
        #expect(throws: CircuitOpenError(name: "api.example.com", retryIn: .seconds(60), probeInFlight: false)) {
            try breaker.admit()
        }
    }

    @Test("half-open lets exactly one probe through; others fail fast while it is out")
    func singleProbe() throws {
        let clock = ManualClock()
        let breaker = breaker(clock, threshold: 1)
        breaker.record(.failure, for: try breaker.admit())
        clock.advance(by: .seconds(60))
        #expect(try breaker.admit() == .probe)
        #expect(throws: CircuitOpenError(name: "api.example.com", retryIn: nil, probeInFlight: true)) {
            try breaker.admit()
        }
        breaker.record(.success, for: .probe)
        #expect(breaker.state == .closed(failures: 0))
        #expect(try breaker.admit() == .normal)
    }

    @Test("a failed probe re-opens it for another period; an abandoned probe frees the slot")
    func failedProbe() throws {
        let clock = ManualClock()
        let breaker = breaker(clock, threshold: 1)
        breaker.record(.failure, for: try breaker.admit())
        clock.advance(by: .seconds(61))
        breaker.record(.failure, for: try breaker.admit())
        #expect(breaker.state == .open(until: .seconds(121)))
        clock.advance(by: .seconds(60))
        breaker.record(.abandoned, for: try breaker.admit())
        #expect(try breaker.admit() == .probe)
    }

    @Test("its error is a HelpfulError naming the host and the setting")
    func message() {
        let error = CircuitOpenError(name: "api.example.com", retryIn: .milliseconds(41_500), probeInFlight: false)
        #expect(error.helpfulError.problem
            == "Circuit breaker for api.example.com is open for another 42 s after repeated failures (transport errors, timeouts or 5xx)")
        #expect(error.helpfulError.location?.keyPath == "script-behavior.circuit-breaker")
    }
}
