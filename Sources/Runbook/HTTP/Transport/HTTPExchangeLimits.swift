/// What the current task's exchanges may take, set by ``RestClient`` around each send, for the
/// transports that can act on it while they read (``SocketHTTPTransport`` does):
///
/// - ``maximumBodyBytes`` (`script-behavior.http.max-response-bytes`): a `Content-Length` above it
///   is refused before the body is read, a chunked or close-delimited body stops as soon as it
///   passes it, with ``ResponseBodyError`` kind `.tooLarge`; the client checks every transport's
///   result again.
/// - ``downloadAllowancePerMiB`` (`script-behavior.api-timeouts.seconds-per-mib`): the exchange's
///   deadline moves on by this much per MiB of the `Content-Length` the response announces.
struct HTTPExchangeLimits: Sendable {
    /// The largest body in bytes.
    var maximumBodyBytes: Int
    /// Time added to the deadline per MiB of announced response body (zero: none).
    var downloadAllowancePerMiB: Duration

    /// The limits of the current task's exchanges (nil: none).
    @TaskLocal static var current: HTTPExchangeLimits?

    /// The error for a body larger than `limit`.
    static func tooLarge(_ detail: String, limit: Int) -> ResponseBodyError {
        ResponseBodyError(kind: .tooLarge, detail: detail, limit: limit)
    }
}
