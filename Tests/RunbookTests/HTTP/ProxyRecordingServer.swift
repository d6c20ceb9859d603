import Foundation
import RunbookTesting
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP proxy on 127.0.0.1 for the exact proxy checks: it records every request head it
/// gets (request line and header lines, as received), answers `CONNECT host:port` with 200 and
/// relays bytes both ways, and forwards an absolute-form request to its origin (in origin form,
/// without `Proxy-Authorization`, one request per connection). With `requiredAuthorization`, a
/// request without that `Proxy-Authorization` value gets a 407. One thread per connection,
/// blocking sockets; ``stop()`` ends every connection.
final class ProxyRecordingServer: Sendable {
    /// One request head the proxy received.
    struct Seen: Sendable {
        /// `GET http://127.0.0.1:8080/path HTTP/1.1`, `CONNECT 127.0.0.1:8443 HTTP/1.1`.
        var requestLine: String
        /// The header lines, as received.
        var headers: [String]

        /// The value of the first header named `name` (any case).
        func header(_ name: String) -> String? {
            headers.first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
    }

    private struct State {
        var seen: [Seen] = []
        var stopped = false
        var sockets: Set<Int32> = []
    }

    let port: UInt16
    private let listener: Int32
    private let requiredAuthorization: String?
    private let state = Mutex(State())

    /// Starts listening; `requiredAuthorization` is a `Proxy-Authorization` value it insists on.
    init(requiredAuthorization: String? = nil) throws {
        (listener, port) = try LoopbackListeningSocket.open()
        self.requiredAuthorization = requiredAuthorization
        Thread { [self] in acceptLoop() }.start()
    }

    /// `http://127.0.0.1:port`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Every request head received so far.
    var seen: [Seen] { state.withLock { $0.seen } }

    func stop() {
        state.withLock { state in
            state.stopped = true
            _ = shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.sockets { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        defer { _ = close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0, track(fd) else {
                if fd >= 0 { _ = close(fd) }
                return
            }
            Thread { [self] in serve(fd) }.start()
        }
    }

    private func track(_ fd: Int32) -> Bool {
        state.withLock { state in
            guard !state.stopped else { return false }
            state.sockets.insert(fd)
            return true
        }
    }

    private func untrackAndClose(_ fd: Int32) {
        state.withLock { _ = $0.sockets.remove(fd) }
        _ = close(fd)
    }

    private func serve(_ client: Int32) {
        defer { untrackAndClose(client) }
        var received: [UInt8] = []
        guard let end = Self.readHead(client, &received) else { return }
        let lines = String(decoding: received[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let seen = Seen(requestLine: lines[0], headers: Array(lines.dropFirst()))
        state.withLock { $0.seen.append(seen) }
        let rest = Array(received[(end + 4)...])
        if let requiredAuthorization, seen.header("Proxy-Authorization") != requiredAuthorization {
            Self.write(client, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                       + "Content-Type: text/plain\r\nContent-Length: 14\r\nConnection: close\r\n\r\nlog in, please")
            return
        }
        let words = seen.requestLine.split(separator: " ").map(String.init)
        guard words.count == 3 else { return }
        if words[0] == "CONNECT" {
            guard let origin = Self.connect(to: words[1]), track(origin) else { return }
            defer { untrackAndClose(origin) }
            Self.write(client, "HTTP/1.1 200 Connection established\r\n\r\n")
            relay(client, origin, first: rest)
        } else {
            guard let url = URL(string: words[1]), let host = url.host, let port = url.port,
                  let origin = Self.connect(to: "\(host):\(port)"), track(origin) else { return }
            defer { untrackAndClose(origin) }
            let target = String(words[1].dropFirst("http://\(host):\(port)".count))
            let headers = seen.headers.filter { !$0.lowercased().hasPrefix("proxy-authorization:") && !$0.lowercased().hasPrefix("connection:") }
            let head = "\(words[0]) \(target.isEmpty ? "/" : target) \(words[2])\r\n" + headers.map { "\($0)\r\n" }.joined()
                + "Connection: close\r\n\r\n"
            relay(client, origin, first: Array(head.utf8) + rest)
        }
    }

    /// Copies client → origin (after `first`) on another thread, origin → client here.
    private func relay(_ client: Int32, _ origin: Int32, first: [UInt8]) {
        Self.write(origin, first)
        let upstream = Thread {
            Self.copy(from: client, to: origin)
            _ = shutdown(origin, Int32(SHUT_WR))
        }
        upstream.start()
        Self.copy(from: origin, to: client)
        _ = shutdown(client, Int32(SHUT_RDWR))
        _ = shutdown(origin, Int32(SHUT_RDWR))
    }

    private static func copy(from source: Int32, to target: Int32) {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = recv(source, &chunk, chunk.count, 0)
            guard count > 0 else { return }
            guard write(target, Array(chunk[0..<count])) else { return }
        }
    }

    /// Reads until the end of a request head; the index of its `\r\n\r\n`.
    private static func readHead(_ fd: Int32, _ received: inout [UInt8]) -> Int? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let range = received.firstRange(of: Array("\r\n\r\n".utf8)) { return range.lowerBound }
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            received += chunk[0..<count]
        }
    }

    @discardableResult
    private static func write(_ fd: Int32, _ text: String) -> Bool { write(fd, Array(text.utf8)) }

    @discardableResult
    private static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// A blocking TCP connection to `127.0.0.1:port` (the tests' origins are all on loopback).
    private static func connect(to authority: String) -> Int32? {
        guard let port = authority.split(separator: ":").last.flatMap({ UInt16($0) }) else { return nil }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            _ = close(fd)
            return nil
        }
        return fd
    }
}
