import Foundation
import HTTPTypes

/// HTTP/1.1 wire format: serialising requests and parsing response heads.
enum HTTP1Message {
    /// The request bytes: request line, `Host`, header fields, `Content-Length`, body.
    /// Through a proxy (`http://` URLs), the request target is in absolute form
    /// (`GET http://host:port/path HTTP/1.1`) and `Proxy-Authorization` carries its credentials.
    static func request(_ request: HTTPRequest, authority: String, body: Data?, proxy: HTTPProxy? = nil) -> [UInt8] {
        let target = proxy == nil ? request.path ?? "/" : "http://\(authority)\(request.path ?? "/")"
        var head = "\(request.method.rawValue) \(target) HTTP/1.1\r\nHost: \(authority)\r\n"
        if let authorization = proxy?.basicAuthorization { head += "Proxy-Authorization: \(authorization)\r\n" }
        for field in request.headerFields
        where field.name.canonicalName != "host" && field.name != .contentLength && field.name != .proxyAuthorization {
            head += "\(field.name.rawName): \(field.value)\r\n"
        }
        let length = body?.count ?? 0
        if length > 0 || [.post, .put, .patch].contains(request.method) {
            head += "Content-Length: \(length)\r\n"
        }
        head += "\r\n"
        var bytes = [UInt8](head.utf8)
        if let body, !body.isEmpty { bytes.append(contentsOf: body) }
        return bytes
    }

    /// A parsed response head.
    struct Head {
        var status: Int
        var fields: HTTPFields
        /// Whether the connection may carry another exchange after this response.
        var keepAlive: Bool
        /// The body's length from `Content-Length` (nil when absent, or overridden by `Transfer-Encoding`).
        var contentLength: Int?
        /// Whether the body is `chunked`.
        var chunked: Bool
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
    static func parseHead(_ bytes: ArraySlice<UInt8>) throws -> Head {
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
        var head = Head(status: status, fields: HTTPFields(), keepAlive: minor == UInt8(ascii: "1"), contentLength: nil, chunked: false)
        var lengths: [String] = []
        var codings: [String] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")) else { throw notHTTP }
            let value = String(decoding: HTTP1Lines.trimmed(bytes[colon + 1..<line.upperBound]), as: UTF8.self)
            guard let fieldName = HTTPField.Name(String(decoding: bytes[line.lowerBound..<colon], as: UTF8.self)) else {
                throw notHTTP
            }
            head.fields.append(HTTPField(name: fieldName, value: value))
            switch fieldName {
            case .contentLength:
                lengths += listMembers(value)
            case .transferEncoding:
                codings += listMembers(value).map { $0.lowercased() }
            case .connection:
                let tokens = value.lowercased()
                if tokens.contains("close") { head.keepAlive = false }
                if tokens.contains("keep-alive") { head.keepAlive = true }
            default:
                break
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
enum HTTP1Lines {
    static func split(_ bytes: ArraySlice<UInt8>) -> [Range<Int>] {
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

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 32 || first == 9 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 { slice = slice.dropLast() }
        return slice
    }
}
