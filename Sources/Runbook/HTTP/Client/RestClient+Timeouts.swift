import Foundation

extension RestClient {
    /// The timeout of one attempt of `request`: its own ``RestRequest/timeout`` when set, else
    /// `rest-timeout-seconds` plus `seconds-per-mib` for each MiB of the request body (to the
    /// millisecond), so a 50 MiB upload gets 60 s + 250 s at the defaults while a GET keeps 60 s.
    func attemptTimeout(for request: RestRequest) -> Duration {
        if let timeout = request.timeout { return max(timeout, .milliseconds(1)) }
        return baseAttemptTimeout + uploadAllowance(bytes: request.body?.count ?? 0)
    }

    /// `rest-timeout-seconds`.
    var baseAttemptTimeout: Duration {
        .seconds(max(behavior.apiTimeouts.restTimeoutSeconds, 1))
    }

    /// `seconds-per-mib` as a duration: what a download's announced size adds to the attempt in a
    /// transport that can extend its deadline (``HTTPExchangeLimits``).
    var perMiBAllowance: Duration {
        .milliseconds(Int64((max(behavior.apiTimeouts.secondsPerMiB, 0) * 1000).rounded()))
    }

    /// `seconds-per-mib` × the body's size in MiB, to the millisecond.
    func uploadAllowance(bytes: Int) -> Duration {
        let perMiB = max(behavior.apiTimeouts.secondsPerMiB, 0)
        guard bytes > 0, perMiB > 0 else { return .zero }
        return .milliseconds(Int64((Double(bytes) / 1_048_576 * perMiB * 1000).rounded()))
    }

    /// The budget of a call whose request sets no ``RestRequest/deadline``: ``callDeadline``,
    /// extended so that the attempts' size allowance (or a longer per-request timeout) fits.
    func callBudget(perAttempt: Duration) -> Duration {
        max(callDeadline + max(perAttempt - baseAttemptTimeout, .zero), perAttempt)
    }
}
