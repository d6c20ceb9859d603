/// Reads requests off a byte stream for the test servers (scripted, TLS, proxy): a head up to its
/// blank line, then as many body bytes as its `Content-Length` says. The bytes come from `more`,
/// which appends what it received to the buffer it is given and returns false at end of stream
/// (plain `recv`, or `SSL_read`), so one reader serves plain and TLS connections.
package struct HTTP1RequestReader: Sendable {
    /// A request as received.
    package struct Request: Sendable {
        /// The request line and header lines, as received (without the blank line).
        package var head: String
        /// The request line, e.g. `GET /items HTTP/1.1`.
        package var requestLine: String
        /// The body (`Content-Length` bytes).
        package var body: [UInt8]
    }

    /// Bytes received and not consumed yet (after ``nextHead(more:)``: what followed the head).
    package var received: [UInt8] = []

    /// Creates a reader with nothing received.
    package init() {}

    /// The next request head and its body; nil when the stream ends first.
    package mutating func next(more: (inout [UInt8]) -> Bool) -> Request? {
        guard let head = nextHead(more: more) else { return nil }
        let bytes = ArraySlice(head.utf8)
        let lines = HTTP1Lines.split(bytes)
        let length = lines.dropFirst().lazy.compactMap { line -> Int? in
            guard let (name, value) = HTTP1Lines.field(bytes, line),
                  HTTP1Field.equalsIgnoringCase(String(decoding: name, as: UTF8.self), "content-length")
            else { return nil }
            return Int(String(decoding: value, as: UTF8.self))
        }.first ?? 0
        while received.count < length {
            guard more(&received) else { return nil }
        }
        let body = Array(received[..<length])
        received.removeFirst(length)
        let requestLine = lines.first.map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
        return Request(head: head, requestLine: requestLine, body: body)
    }

    /// The next request head (request line and header lines, as received), consumed with its
    /// blank line; what followed it stays in ``received``. Nil when the stream ends first.
    package mutating func nextHead(more: (inout [UInt8]) -> Bool) -> String? {
        var end = HTTP1Lines.headEnd(received)
        while end == nil {
            guard more(&received) else { return nil }
            end = HTTP1Lines.headEnd(received)
        }
        let head = String(decoding: received[..<end!], as: UTF8.self)
        received.removeFirst(end! + 4)
        return head
    }
}
