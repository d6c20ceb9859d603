import COpenSSL
import Foundation
import Synchronization

/// A raw HTTP/1.1 server on 127.0.0.1 (plain TCP, or TLS through the system's OpenSSL) whose every
/// connection runs a script on its own thread: read a request, write any bytes, hang up. The
/// conformance cases use it for what a well-behaved server never does. Blocking sockets: ``stop()``
/// shuts every socket down, which ends any wait.
final class ConformanceServer: Sendable {
    /// One accepted connection, as its script sees it.
    final class Connection: @unchecked Sendable {
        /// 1-based, in accept order.
        let number: Int
        private let fd: Int32
        private let ssl: OpaquePointer?
        private let server: ConformanceServer
        private var received: [UInt8] = []

        fileprivate init(fd: Int32, ssl: OpaquePointer?, number: Int, server: ConformanceServer) {
            self.fd = fd
            self.ssl = ssl
            self.number = number
            self.server = server
        }

        /// Reads one request (head and `Content-Length` body); returns its request line, nil when
        /// the client closed first.
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
            server.record(line, head: head)
            return line
        }

        /// Writes `text`; false when the client has gone.
        @discardableResult
        func write(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count: Int = bytes.withUnsafeBytes { raw in
                    if let ssl { return Int(SSL_write(ssl, raw.baseAddress! + sent, Int32(bytes.count - sent))) }
                    return send(fd, raw.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }

        /// Writes a complete `200` response with a JSON body.
        func answer(_ body: String = #"{"ok":true}"#) {
            write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        }

        /// Waits until the client closes its side (or the server stops); reads and drops what comes.
        func waitForClose() {
            while more() { received.removeAll() }
        }

        /// Relays bytes both ways between this (plain) connection and 127.0.0.1:`port` until either
        /// side closes: the tunnel of a `CONNECT` proxy.
        func relay(to port: UInt16) {
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard upstream >= 0 else { return }
            defer { _ = close(upstream) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { return }
            if !received.isEmpty {
                _ = received.withUnsafeBytes { send(upstream, $0.baseAddress!, received.count, Int32(MSG_NOSIGNAL)) }
                received.removeAll()
            }
            var descriptors = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            while poll(&descriptors, 2, -1) > 0 {
                for (from, to) in [(0, 1), (1, 0)] where descriptors[from].revents != 0 {
                    let count = recv(descriptors[from].fd, &chunk, chunk.count, 0)
                    guard count > 0, send(descriptors[to].fd, chunk, count, Int32(MSG_NOSIGNAL)) == count else { return }
                }
            }
        }

        private func more() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count: Int = if let ssl { Int(SSL_read(ssl, &chunk, Int32(chunk.count))) } else { recv(fd, &chunk, chunk.count, 0) }
            guard count > 0 else { return false }
            received += chunk[0..<count]
            return true
        }
    }

    private struct State {
        var stopped = false
        var connections: Set<Int32> = []
        var accepted = 0
        var handshakes = 0
        var requests: [String] = []
        var heads: [String] = []
    }

    private let listener: Int32
    /// The port the server listens on.
    let port: UInt16
    private let context: TLSServerContext?
    private let state = Mutex(State())
    private let script: @Sendable (Connection) -> Void
    private let arrivals: AsyncStream<String>.Continuation
    /// Every request line as it is read.
    let arrived: AsyncStream<String>
    private let closed: AsyncStream<Int>.Continuation
    /// The numbers of the connections the server has closed, as it closes them.
    let closedConnections: AsyncStream<Int>

    /// Starts listening (TLS with `identity` when given); each accepted connection runs `script`
    /// and is closed when it returns.
    init(tls identity: LoopbackCertificates.Identity? = nil, script: @escaping @Sendable (Connection) -> Void) throws {
        context = try identity.map { try TLSServerContext($0) }
        (listener, port) = try Self.listen()
        self.script = script
        (arrived, arrivals) = AsyncStream.makeStream()
        (closedConnections, closed) = AsyncStream.makeStream()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Request heads (request line and header fields) read so far, in order.
    var heads: [String] { state.withLock { $0.heads } }
    /// Request lines read so far, in order.
    var requests: [String] { state.withLock { $0.requests } }
    /// Connections accepted so far.
    var accepted: Int { state.withLock { $0.accepted } }
    /// TLS handshakes completed so far.
    var handshakes: Int { state.withLock { $0.handshakes } }

    /// Stops accepting and ends every connection.
    func stop() {
        state.withLock { state in
            state.stopped = true
            _ = shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
        arrivals.finish()
    }

    private func record(_ line: String, head: String) {
        state.withLock {
            $0.requests.append(line)
            $0.heads.append(head)
        }
        arrivals.yield(line)
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
                serve(fd, number: number)
                state.withLock { state in
                    state.connections.remove(fd)
                    _ = close(fd)
                }
                closed.yield(number)
            }
            thread.start()
        }
    }

    private func serve(_ fd: Int32, number: Int) {
        guard let context else { return script(Connection(fd: fd, ssl: nil, number: number, server: self)) }
        guard let ssl = SSL_new(context.pointer) else { return }
        defer { SSL_free(ssl) }
        SSL_set_fd(ssl, fd)
        guard SSL_accept(ssl) == 1 else { return }
        state.withLock { $0.handshakes += 1 }
        script(Connection(fd: fd, ssl: ssl, number: number, server: self))
        SSL_shutdown(ssl)
    }

    /// A socket listening on 127.0.0.1 at a port the system picks (``LoopbackListeningSocket``):
    /// closed by the caller.
    static func listen() throws -> (descriptor: Int32, port: UInt16) {
        do {
            return try LoopbackListeningSocket.open()
        } catch {
            throw ConformanceFailure("cannot listen: \(error)")
        }
    }
}

/// An OpenSSL server context with a certificate chain and key, shared read-only by the server's threads.
private final class TLSServerContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ identity: LoopbackCertificates.Identity) throws {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw ConformanceFailure("SSL_CTX_new failed") }
        pointer = context
        guard SSL_CTX_use_certificate_chain_file(context, identity.certificate) == 1,
              SSL_CTX_use_PrivateKey_file(context, identity.key, SSL_FILETYPE_PEM) == 1
        else { throw ConformanceFailure("cannot load \(identity.certificate) into the TLS test server") }
    }

    deinit {
        SSL_CTX_free(pointer)
    }
}
