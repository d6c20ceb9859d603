import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One keep-alive connection: reads requests, answers them, until the peer closes or asks to.
struct LoopbackConnection {
    let fd: Int32
    let respond: (LoopbackRequest) -> LoopbackResponse
    private static let maxHeaderBytes = 64 * 1024
    private static let maxBodyBytes = 16 * 1024 * 1024

    init(fd: Int32, respond: @escaping (LoopbackRequest) -> LoopbackResponse) {
        self.fd = fd
        self.respond = respond
    }

    func run() {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            guard let headerEnd = Self.headerEnd(buffer) else {
                guard buffer.count < Self.maxHeaderBytes, read(into: &buffer, chunk: &chunk) else { return }
                continue
            }
            guard let head = Self.parseHead(buffer[..<headerEnd]) else {
                write(LoopbackResponse.json(400, #"{"error":{"message":"malformed request"}}"#), close: true)
                return
            }
            let length = Int(head.headers.first { Self.equalsIgnoringCase($0.name, "content-length") }?.value ?? "0") ?? -1
            guard length >= 0, length <= Self.maxBodyBytes else {
                write(LoopbackResponse.json(400, #"{"error":{"message":"bad Content-Length"}}"#), close: true)
                return
            }
            let expectsContinue = head.headers.contains {
                Self.equalsIgnoringCase($0.name, "expect") && Self.equalsIgnoringCase($0.value, "100-continue")
            }
            if expectsContinue && buffer.count < headerEnd + 4 + length {
                guard writeRaw(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
            }
            while buffer.count < headerEnd + 4 + length {
                guard read(into: &buffer, chunk: &chunk) else { return }
            }
            let bodyStart = headerEnd + 4
            let request = LoopbackRequest(
                method: head.method, target: head.target, headers: head.headers,
                body: Data(buffer[bodyStart..<bodyStart + length]))
            buffer.removeSubrange(0..<bodyStart + length)
            let response = respond(request)
            if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
            let closing = response.closesConnection
                || head.headers.contains { Self.equalsIgnoringCase($0.name, "connection") && Self.equalsIgnoringCase($0.value, "close") }
            guard write(response, close: closing), !closing else { return }
        }
    }

    private func read(into buffer: inout [UInt8], chunk: inout [UInt8]) -> Bool {
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    @discardableResult
    private func write(_ response: LoopbackResponse, close: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if !response.chunked { head += "Content-Length: \(response.body.count)\r\n" }
        if response.chunked { head += "Transfer-Encoding: chunked\r\n" }
        if close { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes = [UInt8](head.utf8)
        if response.chunked {
            var offset = 0
            let body = [UInt8](response.body)
            while offset < body.count {
                let size = min(7, body.count - offset)
                bytes += Array(String(size, radix: 16).utf8) + [13, 10] + body[offset..<offset + size] + [13, 10]
                offset += size
            }
            bytes += Array("0\r\n\r\n".utf8)
        } else {
            bytes.append(contentsOf: response.body)
        }
        return writeRaw(bytes)
    }

    private func writeRaw(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    static func headerEnd(_ buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// Parses the request line and header fields byte by byte (no `String` splitting on CRLF,
    /// which is one grapheme and slow).
    static func parseHead(_ bytes: ArraySlice<UInt8>) -> (method: String, target: String, headers: [(name: String, value: String)])? {
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
        guard let requestLine = lines.first else { return nil }
        let parts = bytes[requestLine].split(separator: 32)
        guard parts.count == 3, parts[2].starts(with: "HTTP/1.".utf8) else { return nil }
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(lines.count)
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = bytes[line].firstIndex(of: 58) else { return nil }
            var value = bytes[(colon + 1)..<line.upperBound]
            while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
            while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
            headers.append((String(decoding: bytes[line.lowerBound..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), headers)
    }

    static func equalsIgnoringCase(_ text: String, _ lowercase: String) -> Bool {
        text.utf8.count == lowercase.utf8.count
            && zip(text.utf8, lowercase.utf8).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 303: "See Other"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
