import Foundation
package import RunbookTransport
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw HTTP/1.1 server on 127.0.0.1 (plain TCP, or TLS through the system's OpenSSL) whose every
/// connection runs a script on its own thread: read a request, write any bytes, hang up with FIN
/// or RST, wait to see the client close. The conformance cases and the socket transport's tests use
/// it for what a well-behaved server never does. Blocking sockets: ``stop()`` shuts every socket
/// down, which ends any wait.
package final class ConformanceServer: Sendable {
    /// One accepted connection, as its script sees it.
    package final class Connection: @unchecked Sendable {
        /// 1-based, in accept order.
        package let number: Int
        private let fd: Int32
        private let tls: TLSServerSession?
        private let server: ConformanceServer
        private var reader = HTTP1RequestReader()

        fileprivate init(fd: Int32, tls: TLSServerSession?, number: Int, server: ConformanceServer) {
            self.fd = fd
            self.tls = tls
            self.number = number
            self.server = server
        }

        /// The negotiated TLS protocol (e.g. `TLSv1.3`); nil on a plain connection.
        package var tlsVersion: String? { tls?.version }

        /// Reads one request (head and `Content-Length` body); returns its request line, nil when
        /// the client closed first.
        @discardableResult
        package func readRequest() -> String? {
            nextRequest()?.requestLine
        }

        /// Reads one request (head and `Content-Length` body); nil when the client closed first.
        package func nextRequest() -> HTTP1RequestReader.Request? {
            guard let request = reader.next(more: receive) else { return nil }
            server.record(request.requestLine, head: request.head)
            return request
        }

        /// Writes `text`; false when the client has gone.
        @discardableResult
        package func write(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            if let tls { return tls.send(bytes) }
            return sendAll(fd, bytes)
        }

        /// Writes a complete `200` response with a JSON body.
        package func answer(_ body: String = #"{"ok":true}"#) {
            write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        }

        /// Waits until the client closes its side (or the server stops); reads and drops what comes.
        package func waitForClose() {
            var dropped: [UInt8] = []
            while receive(into: &dropped) { dropped.removeAll() }
        }

        /// Makes the close at the end of the script a reset (RST) instead of a FIN.
        package func resetOnClose() {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }

        /// Waits up to `seconds` for the client to close its side; true when it did.
        package func clientClosed(within seconds: Int32) -> Bool {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, seconds * 1000) == 1 else { return false }
            var byte: UInt8 = 0
            return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) <= 0
        }

        /// Reads one request head (request line and header lines, as received) and nothing more;
        /// what followed it goes first through ``relay(to:sending:)``. Nil when the client closed first.
        package func nextHead() -> String? {
            reader.nextHead(more: receive)
        }

        /// What the client sent after the request (or head) read last, not read yet.
        package var pendingBytes: [UInt8] { reader.received }

        /// Relays bytes both ways between this (plain) connection and 127.0.0.1:`port` until either
        /// side closes: the tunnel of a `CONNECT` proxy. `first` goes upstream before anything else
        /// (nil: what the client sent after the request read last); `connected` runs once the
        /// upstream connection is open (a proxy's `200 Connection established`).
        package func relay(to port: UInt16, sending first: [UInt8]? = nil, connected: () -> Void = {}) {
            let upstream = socket(AF_INET, posixStreamSocketType, 0)
            guard upstream >= 0 else { return }
            defer { _ = close(upstream) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { posixConnect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard status == 0 else { return }
            connected()
            let pending = first ?? reader.received
            reader.received.removeAll()
            if !pending.isEmpty { sendAll(upstream, pending) }
            var descriptors = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            while poll(&descriptors, 2, -1) > 0 {
                for (from, to) in [(0, 1), (1, 0)] where descriptors[from].revents != 0 {
                    let count = recv(descriptors[from].fd, &chunk, chunk.count, 0)
                    guard count > 0, sendAll(descriptors[to].fd, Array(chunk[0..<count])) else { return }
                }
            }
        }

        private func receive(into buffer: inout [UInt8]) -> Bool {
            if let tls { return tls.receive(into: &buffer) }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer += chunk[0..<count]
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
    package let port: UInt16
    private let context: TLSServerContext?
    private let state = Mutex(State())
    private let script: @Sendable (Connection) -> Void
    private let arrivals: AsyncStream<String>.Continuation
    /// Every request line as it is read.
    package let arrived: AsyncStream<String>
    private let closed: AsyncStream<Int>.Continuation
    /// The numbers of the connections the server has closed, as it closes them.
    package let closedConnections: AsyncStream<Int>

    /// Starts listening (TLS with `identity` when given); each accepted connection runs `script`
    /// and is closed when it returns.
    package convenience init(tls identity: LoopbackCertificates.Identity? = nil, script: @escaping @Sendable (Connection) -> Void) throws {
        let context: TLSServerContext?
        do {
            context = try identity.map { try TLSServerContext(certificateFile: $0.certificate, keyFile: $0.key) }
        } catch {
            throw ConformanceFailure("cannot load \(identity?.certificate ?? "") into the TLS test server (\(error))")
        }
        try self.init(context: context, script: script)
    }

    /// Starts listening (TLS with `context` when given: a client CA, a maximum version); each
    /// accepted connection runs `script` and is closed when it returns.
    package init(context: TLSServerContext?, script: @escaping @Sendable (Connection) -> Void) throws {
        self.context = context
        (listener, port) = try Self.listen()
        self.script = script
        (arrived, arrivals) = AsyncStream.makeStream()
        (closedConnections, closed) = AsyncStream.makeStream()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// A socket listening on 127.0.0.1 at a port the system picks (`ListeningSocket`): closed by the caller.
    package static func listen() throws -> (descriptor: Int32, port: UInt16) {
        do {
            return try ListeningSocket.open()
        } catch {
            throw ConformanceFailure("cannot listen: \(error.call) on 127.0.0.1 failed (errno \(error.errno))")
        }
    }

    /// Request heads (request line and header fields) read so far, in order.
    package var heads: [String] { state.withLock { $0.heads } }
    /// Request lines read so far, in order.
    package var requests: [String] { state.withLock { $0.requests } }
    /// Connections accepted so far.
    package var accepted: Int { state.withLock { $0.accepted } }
    /// TLS handshakes completed so far.
    package var handshakes: Int { state.withLock { $0.handshakes } }

    /// Stops accepting and ends every connection.
    package func stop() {
        state.withLock { state in
            state.stopped = true
            _ = shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
        arrivals.finish()
    }

    /// Ends every open connection but keeps listening (a server dropping idle keep-alive connections).
    package func dropConnections() {
        state.withLock { state in
            for fd in state.connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
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
        guard let context else { return script(Connection(fd: fd, tls: nil, number: number, server: self)) }
        guard let session = TLSServerSession(context: context, fd: fd) else { return }
        guard session.accept() else {
            // A rejected handshake (its alert already sent): wait for the client to close, so that
            // closing with its unread bytes does not reset the connection before it reads the alert.
            _ = shutdown(fd, Int32(SHUT_WR))
            var scratch = [UInt8](repeating: 0, count: 4096)
            while true {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, -1) == 1 else { return }
                let count = recv(fd, &scratch, scratch.count, 0)
                if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { return }
            }
        }
        state.withLock { $0.handshakes += 1 }
        script(Connection(fd: fd, tls: session, number: number, server: self))
        session.shutdown()
    }
}
