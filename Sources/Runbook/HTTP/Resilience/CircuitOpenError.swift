/// The circuit is open: the service failed repeatedly and calls fail fast for a while.
public struct CircuitOpenError: Error, Sendable, Equatable, HelpfulErrorConvertible {
    /// What the breaker protects (a host).
    public var name: String
    /// Time until a probe is allowed (nil while the probe is in flight).
    public var retryIn: Duration?
    /// Whether another call is probing the service right now.
    public var probeInFlight: Bool

    /// Creates the error.
    public init(name: String, retryIn: Duration?, probeInFlight: Bool) {
        self.name = name
        self.retryIn = retryIn
        self.probeInFlight = probeInFlight
    }

    /// The error as the user sees it.
    public var helpfulError: HelpfulError {
        let when = retryIn.map { " for another \(Int(TokenBucket.seconds($0).rounded(.up))) s" } ?? ""
        let problem = probeInFlight
            ? "Circuit breaker for \(name) is half-open: one probe request is testing the service, this call failed fast"
            : "Circuit breaker for \(name) is open\(when) after repeated failures (transport errors, timeouts or 5xx)"
        return HelpfulError(
            code: .httpCircuitOpen,
            problem: problem,
            solution: "Check that the service is up; the breaker lets a probe through after "
                + "script-behavior.circuit-breaker.timeout-seconds and closes when it succeeds",
            example: "script-behavior:\n  circuit-breaker:\n    failure-threshold: 10\n    timeout-seconds: 30",
            location: ErrorLocation(keyPath: "script-behavior.circuit-breaker"),
            exitCode: .temporaryFailure)
    }
}
