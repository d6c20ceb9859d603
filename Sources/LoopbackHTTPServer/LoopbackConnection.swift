import Foundation
import RunbookTransport
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
            guard let headerEnd = HTTP1Lines.headEnd(buffer) else {
                guard buffer.count < Self.maxHeaderBytes, read(into: &buffer, chunk: &chunk) else { return }
                continue
            }
            guard let head = HTTP1RequestHead.parse(buffer[..<headerEnd]) else {
                write(LoopbackResponse.json(400, #"{"error":{"message":"malformed request"}}"#), close: true)
                return
            }
            let length = Int(head.fields.value(of: "content-length") ?? "0") ?? -1
            guard length >= 0, length <= Self.maxBodyBytes else {
                write(LoopbackResponse.json(400, #"{"error":{"message":"bad Content-Length"}}"#), close: true)
                return
            }
            let expectsContinue = head.fields.contains {
                HTTP1Field.equalsIgnoringCase($0.name, "expect") && HTTP1Field.equalsIgnoringCase($0.value, "100-continue")
            }
            if expectsContinue && buffer.count < headerEnd + 4 + length {
                guard sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
            }
            while buffer.count < headerEnd + 4 + length {
                guard read(into: &buffer, chunk: &chunk) else { return }
            }
            let bodyStart = headerEnd + 4
            let request = LoopbackRequest(
                method: head.method, target: head.target, headers: head.fields.map { ($0.name, $0.value) },
                body: Data(buffer[bodyStart..<bodyStart + length]))
            buffer.removeSubrange(0..<bodyStart + length)
            let response = respond(request)
            if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
            let closing = response.closesConnection
                || head.fields.contains { HTTP1Field.equalsIgnoringCase($0.name, "connection") && HTTP1Field.equalsIgnoringCase($0.value, "close") }
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
        return sendAll(fd, bytes)
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
