/// A parsed request head: the request line's method and target, and the header fields.
package struct HTTP1RequestHead: Sendable {
    /// The method (`GET`, `POST`, …).
    package var method: String
    /// The request target, e.g. `/customers?$top=20` (absolute form through a proxy).
    package var target: String
    /// The header fields in received order.
    package var fields: [HTTP1Field]

    /// Parses `METHOD target HTTP/1.x\r\nName: value\r\n…` (without the final blank line), byte by
    /// byte (no `String` splitting on CRLF, which is one grapheme and slow); nil when malformed.
    package static func parse(_ bytes: ArraySlice<UInt8>) -> HTTP1RequestHead? {
        let lines = HTTP1Lines.split(bytes)
        guard let requestLine = lines.first else { return nil }
        let parts = bytes[requestLine].split(separator: 32)
        guard parts.count == 3, parts[2].starts(with: "HTTP/1.".utf8) else { return nil }
        var fields: [HTTP1Field] = []
        fields.reserveCapacity(lines.count)
        for line in lines.dropFirst() where !line.isEmpty {
            guard let (name, value) = HTTP1Lines.field(bytes, line) else { return nil }
            fields.append(HTTP1Field(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
        }
        return HTTP1RequestHead(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self), fields: fields)
    }
}
