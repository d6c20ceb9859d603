/// `script-behavior.api-timeouts`.
///
/// | key | type | default |
/// |---|---|---|
/// | `rest-timeout-seconds` | integer ≥ 1 | 60 (per attempt) |
/// | `async-max-wait` | integer ≥ 1 | 300 (202 polling budget) |
/// | `async-poll-interval` | integer ≥ 1 | 5 (when no `Retry-After`) |
/// | `seconds-per-mib` | number ≥ 0 | 5 (added to an attempt's timeout per MiB of request body) |
public struct APITimeoutSettings: Decodable, Sendable, Equatable {
    /// Seconds one attempt may take, all of it: connect, TLS handshake, sending, the response head
    /// and body (however the server spaces its bytes), and a resend after a `401` refresh.
    public var restTimeoutSeconds: Int
    /// Seconds a `202 Accepted` operation may be polled.
    public var asyncMaxWait: Int
    /// Seconds between polls when the service sends no `Retry-After`.
    public var asyncPollInterval: Int
    /// Seconds added to an attempt's timeout per MiB of request body, and (by the socket transport)
    /// per MiB of a response's announced `Content-Length`, so a large upload or download is not cut
    /// off by the timeout meant for a small GET.
    public var secondsPerMiB: Double

    /// Creates the section.
    public init(restTimeoutSeconds: Int = 60, asyncMaxWait: Int = 300, asyncPollInterval: Int = 5, secondsPerMiB: Double = 5) {
        self.restTimeoutSeconds = restTimeoutSeconds
        self.asyncMaxWait = asyncMaxWait
        self.asyncPollInterval = asyncPollInterval
        self.secondsPerMiB = secondsPerMiB
    }

    enum CodingKeys: String, CodingKey {
        case restTimeoutSeconds = "rest-timeout-seconds"
        case asyncMaxWait = "async-max-wait"
        case asyncPollInterval = "async-poll-interval"
        case secondsPerMiB = "seconds-per-mib"
    }
}
