/// The largest response body the current task's exchanges may read (`script-behavior.http.max-response-bytes`),
/// set by ``RestClient`` around each send. A transport that can stop reading early honours it
/// (``SocketHTTPTransport`` refuses a larger `Content-Length` before reading the body, and stops a
/// chunked or close-delimited body as soon as it passes the limit) by throwing ``ResponseBodyError``
/// with kind `.tooLarge`; the client checks every transport's result again.
enum ResponseSizeLimit {
    /// The limit in bytes (nil: none).
    @TaskLocal static var maximumBodyBytes: Int?

    /// The error for a body larger than `limit`.
    static func tooLarge(_ detail: String, limit: Int) -> ResponseBodyError {
        ResponseBodyError(kind: .tooLarge, detail: detail, limit: limit)
    }
}
