import Foundation
import HTTPTypes

/// HTTP/1.1 wire format: serialising requests and parsing response heads.
enum HTTP1Message {
    /// The request bytes: request line, `Host`, header fields, `Content-Length`, body.
    static func request(_ request: HTTPRequest, authority: String, body: Data?) -> [UInt8] {
        var head = "\(request.method.rawValue) \(request.path ?? "/") HTTP/1.1\r\nHost: \(authority)\r\n"
        for field in request.headerFields where field.name.canonicalName != "host" && field.name != .contentLength {
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
        var keepAlive: Bool
        var contentLength: Int?
        var chunked: Bool
    }

    /// Parses `HTTP/1.x NNN reason\r\nName: value\r\n…` (without the final blank line), byte by
    /// byte: splitting a `String` on `"\r\n"` (one grapheme) costs more than the whole exchange.
    static func parseHead(_ bytes: ArraySlice<UInt8>) -> Head? {
        let lines = HTTP1Lines.split(bytes)
        guard let statusLine = lines.first, statusLine.count >= 12,
              bytes[statusLine.lowerBound..<statusLine.lowerBound + 7].elementsEqual("HTTP/1.".utf8)
        else { return nil }
        var status = 0
        for index in statusLine.lowerBound + 9..<statusLine.lowerBound + 12 {
            let digit = bytes[index]
            guard digit >= 48 && digit <= 57 else { return nil }
            status = status * 10 + Int(digit - 48)
        }
        guard status >= 100 else { return nil }
        let minor = bytes[statusLine.lowerBound + 7]
        var head = Head(status: status, fields: HTTPFields(), keepAlive: minor == UInt8(ascii: "1"), contentLength: nil, chunked: false)
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let value = String(decoding: HTTP1Lines.trimmed(bytes[colon + 1..<line.upperBound]), as: UTF8.self)
            guard let fieldName = HTTPField.Name(String(decoding: bytes[line.lowerBound..<colon], as: UTF8.self)) else { return nil }
            head.fields.append(HTTPField(name: fieldName, value: value))
            switch fieldName {
            case .contentLength:
                guard let length = Int(value), length >= 0 else { return nil }
                head.contentLength = length
            case .transferEncoding:
                head.chunked = value.lowercased().contains("chunked")
            case .connection:
                let tokens = value.lowercased()
                if tokens.contains("close") { head.keepAlive = false }
                if tokens.contains("keep-alive") { head.keepAlive = true }
            default:
                break
            }
        }
        return head
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
