import Foundation

/// HTTP/1.1 wire format: parsing response heads (requests are serialised by the client,
/// `HTTP1Message.request` in Runbook, which knows `HTTPRequest` and proxies).
package enum HTTP1Message {
    /// A parsed response head.
    package struct Head: Sendable {
        /// The status code.
        package var status: Int
        /// The header fields in received order (names as sent, values trimmed).
        package var fields: [HTTP1Field]
        /// Whether the connection may carry another exchange after this response.
        package var keepAlive: Bool
        /// The body's length from `Content-Length` (nil when absent, or overridden by `Transfer-Encoding`).
        package var contentLength: Int?
        /// Whether the body is `chunked`.
        package var chunked: Bool
    }

    /// Parses `HTTP/1.x NNN reason\r\nName: value\r\n…` (without the final blank line), byte by
    /// byte: splitting a `String` on `"\r\n"` (one grapheme) costs more than the whole exchange.
    ///
    /// Framing follows RFC 9112 §6: `Content-Length` fields (and comma-separated lists in one
    /// field) must all carry the same decimal number, or the response is invalid; a
    /// `Transfer-Encoding` overrides `Content-Length`, must be exactly `chunked` (no other coding
    /// can be decoded here), and a response framed that way alongside a `Content-Length`, or sent as
    /// HTTP/1.0, closes the connection afterwards (what is left on it cannot be trusted).
    /// - Throws: ``HTTPTransportError/Kind/invalidResponse`` naming what is wrong.
    package static func parseHead(_ bytes: ArraySlice<UInt8>) throws -> Head {
        let lines = HTTP1Lines.split(bytes)
        guard let statusLine = lines.first, statusLine.count >= 12,
              bytes[statusLine.lowerBound..<statusLine.lowerBound + 7].elementsEqual("HTTP/1.".utf8)
        else { throw notHTTP }
        var status = 0
        for index in statusLine.lowerBound + 9..<statusLine.lowerBound + 12 {
            let digit = bytes[index]
            guard digit >= 48 && digit <= 57 else { throw notHTTP }
            status = status * 10 + Int(digit - 48)
        }
        guard status >= 100 else { throw notHTTP }
        let minor = bytes[statusLine.lowerBound + 7]
        let isHTTP10 = minor == UInt8(ascii: "0")
        var head = Head(status: status, fields: [], keepAlive: minor == UInt8(ascii: "1"), contentLength: nil, chunked: false)
        var lengths: [String] = []
        var codings: [String] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let (nameBytes, valueBytes) = HTTP1Lines.field(bytes, line), HTTP1Field.isToken(nameBytes) else { throw notHTTP }
            let value = String(decoding: valueBytes, as: UTF8.self)
            let fieldName = String(decoding: nameBytes, as: UTF8.self)
            head.fields.append(HTTP1Field(name: fieldName, value: value))
            if HTTP1Field.equalsIgnoringCase(fieldName, "content-length") {
                lengths += listMembers(value)
            } else if HTTP1Field.equalsIgnoringCase(fieldName, "transfer-encoding") {
                codings += listMembers(value).map { $0.lowercased() }
            } else if HTTP1Field.equalsIgnoringCase(fieldName, "connection") {
                let tokens = value.lowercased()
                if tokens.contains("close") { head.keepAlive = false }
                if tokens.contains("keep-alive") { head.keepAlive = true }
            }
        }
        if !codings.isEmpty {
            guard codings == ["chunked"] else {
                throw HTTPTransportError(
                    .invalidResponse, "the response uses the transfer coding '\(codings.joined(separator: ", "))', which cannot be read")
            }
            head.chunked = true
            if !lengths.isEmpty || isHTTP10 { head.keepAlive = false }
        } else if let first = lengths.first {
            guard let length = decimal(first) else {
                throw HTTPTransportError(.invalidResponse, "the response has an invalid Content-Length '\(first)'")
            }
            guard lengths.allSatisfy({ decimal($0) == length }) else {
                throw HTTPTransportError(
                    .invalidResponse, "the response has conflicting Content-Length values (\(lengths.joined(separator: ", ")))")
            }
            head.contentLength = length
        }
        return head
    }

    private static var notHTTP: HTTPTransportError {
        HTTPTransportError(.invalidResponse, "the response head is not HTTP/1.1")
    }

    /// The members of a comma-separated field value, trimmed, empty ones dropped.
    private static func listMembers(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `1*DIGIT` as a number (no sign, no spaces, no overflow).
    private static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }
}

/// CRLF-separated lines of a message head, as index ranges.
package enum HTTP1Lines {
    /// The lines of `bytes` (without their CRLF), as index ranges into it.
    package static func split(_ bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 13 && index + 1 < bytes.endIndex && bytes[index + 1] == 10 {
                lines.append(start..<index)
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.endIndex { lines.append(start..<bytes.endIndex) }
        return lines
    }

    /// The header field on `line` of `bytes`: the name (before the first colon) and the value
    /// without surrounding spaces and tabs; nil when the line has no colon.
    package static func field(_ bytes: ArraySlice<UInt8>, _ line: Range<Int>) -> (name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)? {
        guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return (bytes[line.lowerBound..<colon], trimmed(bytes[colon + 1..<line.upperBound]))
    }

    /// The index of the `\r\n\r\n` that ends the message head at the start of `bytes`; nil while it is incomplete.
    package static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// `bytes` without leading and trailing spaces and tabs.
    package static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        return slice
    }
}
