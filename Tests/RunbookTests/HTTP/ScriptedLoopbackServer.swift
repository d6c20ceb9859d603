import Foundation
import RunbookTesting
import Synchronization

/// A raw TCP server on 127.0.0.1 whose every connection runs a script on its own thread: read a
/// request, write bytes, hang up with FIN or RST, wait to see the client close. For wire-level
/// misbehaviour that the ``LoopbackHTTPServer`` does not offer. Counts the requests it read.
final class ScriptedLoopbackServer: Sendable {
    /// One accepted connection, as its script sees it.
    final class Connection: @unchecked Sendable {
        let fd: Int32
        /// 1-based, in accept order.
        let number: Int
        private let server: ScriptedLoopbackServer
        private var received: [UInt8] = []

        init(fd: Int32, number: Int, server: ScriptedLoopbackServer) {
            self.fd = fd
            self.number = number
            self.server = server
        }

        /// Reads one request (head and `Content-Length` body) and returns its request line; nil
        /// when the client closed first. Waits as long as it takes (``stop()`` ends the wait).
        func readRequest() -> String? {
            let separator = Array("\r\n\r\n".utf8)
            while received.firstRange(of: separator) == nil {
                guard more() else { return nil }
            }
            let end = received.firstRange(of: separator)!
            let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
            let length = head.split(separator: "\r\n").compactMap { line -> Int? in
                guard line.lowercased().hasPrefix("content-length:") else { return nil }
                return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
            }.first ?? 0
            while received.count < end.upperBound + length {
                guard more() else { return nil }
            }
            received.removeFirst(end.upperBound + length)
            let line = head.split(separator: "\r\n").first.map(String.init) ?? ""
            server.record(line)
            return line
        }

        /// Writes `text`; false when the client has gone.
        @discardableResult
        func write(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }

        /// Writes a complete `200` response with a JSON body.
        func answer(_ body: String = "{}") {
            write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        }

        /// Makes the close at the end of the script a reset (RST) instead of a FIN.
        func resetOnClose() {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }

        /// Waits up to `seconds` for the client to close its side; true when it did.
        func clientClosed(within seconds: Int32) -> Bool {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, seconds * 1000) == 1 else { return false }
            var byte: UInt8 = 0
            return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) <= 0
        }

        private func more() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            received += chunk[0..<count]
            return true
        }
    }

    private struct State {
        var stopped = false
        var connections: Set<Int32> = []
        var accepted = 0
        var requests: [String] = []
    }

    private let listener: Int32
    /// The port the server listens on.
    let port: UInt16
    private let state = Mutex(State())
    private let script: @Sendable (Connection) -> Void
    private let closed: AsyncStream<Int>.Continuation
    /// The numbers of the connections the server has closed, as it closes them.
    let closedConnections: AsyncStream<Int>

    /// Starts listening; each accepted connection runs `script`, and is closed when it returns.
    init(script: @escaping @Sendable (Connection) -> Void) throws {
        (listener, port) = try LoopbackListeningSocket.open()
        self.script = script
        (closedConnections, closed) = AsyncStream.makeStream()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every request line read so far, in order.
    var requests: [String] { state.withLock { $0.requests } }

    /// Stops accepting and ends every connection.
    func stop() {
        state.withLock { state in
            state.stopped = true
            _ = shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func record(_ line: String) {
        state.withLock { $0.requests.append(line) }
    }

    private func acceptLoop() {
        defer { _ = close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            let number = state.withLock { state -> Int? in
                guard !state.stopped, fd >= 0 else { return nil }
                state.connections.insert(fd)
                state.accepted += 1
                return state.accepted
            }
            guard let number else {
                if fd >= 0 { _ = close(fd) }
                if state.withLock({ $0.stopped }) { return }
                continue
            }
            let thread = Thread { [self] in
                script(Connection(fd: fd, number: number, server: self))
                state.withLock { state in
                    state.connections.remove(fd)
                    _ = close(fd)
                }
                closed.yield(number)
            }
            thread.start()
        }
    }
}
