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
            let length = Int(head.headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? -1
            guard length >= 0, length <= Self.maxBodyBytes else {
                write(LoopbackResponse.json(400, #"{"error":{"message":"bad Content-Length"}}"#), close: true)
                return
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
            let closing = request.header("Connection")?.lowercased() == "close"
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
        head += "Content-Length: \(response.body.count)\r\n"
        if close { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes = [UInt8](head.utf8)
        bytes.append(contentsOf: response.body)
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

    static func parseHead(_ bytes: ArraySlice<UInt8>) -> (method: String, target: String, headers: [(name: String, value: String)])? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
        guard let requestLine = lines.next() else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        var headers: [(name: String, value: String)] = []
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return (String(parts[0]), String(parts[1]), headers)
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
