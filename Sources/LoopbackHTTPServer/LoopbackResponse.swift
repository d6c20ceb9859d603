public import Foundation

/// A response the server sends.
public struct LoopbackResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields (`Content-Length` is added by the server).
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: Data
    /// How long the server waits before answering (a real wait: for timeout tests only).
    public var delay: TimeInterval
    /// Send the body with `Transfer-Encoding: chunked` (in chunks of at most 7 bytes) instead of
    /// `Content-Length`.
    public var chunked: Bool
    /// Close the connection after this response (also sends `Connection: close`).
    public var closesConnection: Bool

    /// Creates a response.
    public init(
        status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(), delay: TimeInterval = 0,
        chunked: Bool = false, closesConnection: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.chunked = chunked
        self.closesConnection = closesConnection
    }

    /// A JSON response.
    public static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }

    /// A response with no body.
    public static func empty(_ status: Int, headers: [(name: String, value: String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: headers)
    }
}
