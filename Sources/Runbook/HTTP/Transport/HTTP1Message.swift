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

    /// Parses `HTTP/1.x NNN reason\r\nName: value\r\n…` (without the final blank line).
    static func parseHead(_ bytes: ArraySlice<UInt8>) -> Head? {
        guard let text = String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .isoLatin1) else { return nil }
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
        guard let statusLine = lines.popFirst(), statusLine.hasPrefix("HTTP/1.") else { return nil }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]), (100...999).contains(status) else { return nil }
        var head = Head(status: status, fields: HTTPFields(), keepAlive: parts[0] == "HTTP/1.1", contentLength: nil, chunked: false)
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon]
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let fieldName = HTTPField.Name(String(name)) else { return nil }
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
