import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One TCP connection speaking HTTP/1.1, in plain text or through a ``TLSSession``. Used by one
/// request at a time (the pool hands it out exclusively), which is what makes the unchecked
/// `Sendable` sound; ``interrupt()`` and ``close()`` may come from another thread and only touch
/// the descriptor atomically.
///
/// The socket is non-blocking; every wait is a `poll` bounded by the exchange's
/// ``AttemptDeadline``, so the deadline bounds the whole exchange, not each read.
package final class SocketConnection: @unchecked Sendable {
    /// Not one byte of the request left: the peer had closed or reset the connection before it
    /// was written. The request can go on another connection without being sent twice.
    package struct NotSent: Error {}
    /// A non-blocking read found no data yet.
    package struct WouldBlock: Error {}

    private let fd: Int32
    /// Whether the descriptor is closed; held while shutting down or closing it, so a number
    /// the kernel already reused for another socket is never touched.
    private let closed = Mutex(false)
    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    private var nonBlockingReads = false
    /// Set once, right after the handshake, before the connection is handed out.
    private var tls: TLSSession?

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close()
    }

    /// Connects (non-blocking connect, `poll` until the deadline), with `TCP_NODELAY`; with a
    /// `tls` context, performs the TLS handshake for `address.host` as well.
    package static func connect(
        to address: SocketAddress, deadline: AttemptDeadline, tls: TLSClientContext? = nil
    ) throws -> SocketConnection {
        let fd = socket(address.family, address.socketType, 0)
        guard fd >= 0 else { throw HTTPTransportError(.connectionFailed, "socket() failed (errno \(errno))") }
        let connection = SocketConnection(fd: fd)
        var yes: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        let result = address.withSockaddr { posixConnect(fd, $0, $1) }
        if result != 0 {
            guard errno == EINPROGRESS else {
                throw HTTPTransportError(.connectionFailed, "connection to \(address.authority) refused (errno \(errno))")
            }
            try deadline.wait(for: fd, events: Int16(POLLOUT), timeout: "no connection to \(address.authority) within the timeout")
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else {
                throw HTTPTransportError(.connectionFailed, "connection to \(address.authority) failed (errno \(error))")
            }
        }
        if let tls {
            try connection.startTLS(host: address.host, context: tls, deadline: deadline)
        }
        return connection
    }

    /// Performs the TLS handshake for `host` on this connection (directly after connecting, or
    /// inside a proxy's `CONNECT` tunnel), before it is handed out.
    package func startTLS(host: String, context: TLSClientContext, deadline: AttemptDeadline) throws {
        tls = try TLSSession.connect(fd: fd, host: host, context: context, deadline: deadline)
    }

    /// Reads a proxy's answer to `CONNECT`: a 2xx head opens the tunnel (nil is returned, and no
    /// byte may follow it before the TLS handshake); any other answer is returned with the body
    /// its `Content-Length` or chunks frame (none otherwise), and the connection must be closed.
    package func readTunnelAnswer(deadline: AttemptDeadline) throws -> HTTP1Response? {
        let head = try readHead(deadline: deadline)
        if (200..<300).contains(head.status) {
            guard readIndex == buffer.count else {
                throw HTTPTransportError(.invalidResponse, "the proxy sent data after accepting the CONNECT request")
            }
            return nil
        }
        let body = head.chunked ? try readChunked(deadline: deadline)
            : try head.contentLength.map { try readExactly($0, deadline: deadline) } ?? []
        return HTTP1Response(head: head, body: Data(body))
    }

    /// Ends a blocked read or write (task cancellation).
    package func interrupt() {
        closed.withLock { closed in
            if !closed { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Closes the descriptor (once).
    package func close() {
        closed.withLock { closed in
            if !closed { _ = posixClose(fd) }
            closed = true
        }
    }

    /// Runs `work` on this connection and closes it at once when `work` throws, on the thread
    /// that saw the failure (the server sees the client give up then, not when the caller's
    /// task next gets a thread).
    package func closing<T>(_ work: (SocketConnection) throws -> T) throws -> T {
        do {
            return try work(self)
        } catch {
            close()
            throw error
        }
    }

    /// Whether this idle connection can carry another request: nothing arrived on it since its
    /// last response (no end of stream, no reset, no stray byte). Checked just before reuse, so a
    /// connection the server closed while it sat in the pool is never written to. Never blocks.
    package func isReusable() -> Bool {
        guard readIndex == buffer.count, !closed.withLock({ $0 }) else { return false }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready == 0 { return tls?.hasBufferedBytes != true }
        guard ready == 1, descriptor.revents & Int16(POLLERR | POLLHUP | POLLNVAL) == 0, let tls else { return false }
        // TLS: what arrived may be a record that carries no data (a TLS 1.3 session ticket).
        return tls.hasOnlyProtocolRecords()
    }

    /// Sends a request and reads its response. Returns whether the connection may be reused.
    package func exchange(_ message: [UInt8], deadline: AttemptDeadline, isHead: Bool) throws -> (HTTP1Response, Bool) {
        try send(message, deadline: deadline)
        return try readResponse(deadline: deadline, isHead: isHead)
    }

    /// Sends a request (waiting only while the socket's send buffer is full).
    /// - Throws: ``NotSent`` when the peer had closed the connection before any byte left.
    package func send(_ message: [UInt8], deadline: AttemptDeadline) throws {
        if readIndex == buffer.count {
            if buffer.capacity > 1 << 20 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
            readIndex = 0
        }
        if let tls {
            try tls.write(message, deadline: deadline)
        } else {
            try write(message, deadline: deadline)
        }
    }

    /// Reads the response if it arrives within about a millisecond and can be read without
    /// blocking; otherwise returns nil with nothing consumed (the bytes received so far stay
    /// buffered), so a blocking ``readResponse(deadline:isHead:)`` can take over elsewhere.
    package func readResponseIfQuick(deadline: AttemptDeadline, isHead: Bool) throws -> (HTTP1Response, Bool)? {
        if readIndex == buffer.count {
            guard isReadable(waitingMilliseconds: 1) else { return nil }
        }
        let start = readIndex
        nonBlockingReads = true
        defer { nonBlockingReads = false }
        do {
            return try readResponse(deadline: deadline, isHead: isHead)
        } catch is WouldBlock {
            readIndex = start
            return nil
        }
    }

    /// Whether response bytes are waiting (or the peer closed), after waiting up to `milliseconds`.
    package func isReadable(waitingMilliseconds milliseconds: Int32) -> Bool {
        if tls?.hasBufferedBytes == true { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) == 1
    }

    /// Reads one response, waiting until it is complete or the deadline passes.
    package func readResponse(deadline: AttemptDeadline, isHead: Bool) throws -> (HTTP1Response, Bool) {
        var head: HTTP1Message.Head
        repeat {
            head = try readHead(deadline: deadline)
        } while (100..<200).contains(head.status)
        var body = Data()
        var reusable = head.keepAlive
        if isHead || head.status == 204 || head.status == 304 {
            body = Data()
        } else if head.chunked {
            body = Data(try readChunked(deadline: deadline))
        } else if let length = head.contentLength {
            if length > deadline.maximumBodyBytes {
                throw ResponseTooLarge("Content-Length \(length)", limit: deadline.maximumBodyBytes)
            }
            body = try readBody(length, deadline: deadline.extended(forBodyBytes: length))
        } else {
            body = Data(try readToEnd(deadline: deadline))
            reusable = false
        }
        let response = HTTP1Response(head: head, body: body)
        return (response, reusable && readIndex == buffer.count)
    }

    private func write(_ bytes: [UInt8], deadline: AttemptDeadline) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                posixSend(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if count > 0 {
                sent += count
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                try deadline.wait(for: fd, events: Int16(POLLOUT), timeout: "sending timed out")
                continue
            }
            if (code == EPIPE || code == ECONNRESET) && sent == 0 { throw NotSent() }
            throw HTTPTransportError(.connectionFailed, "sending failed (errno \(code))")
        }
    }

    /// Reads more bytes into the buffer; false at end of stream. `receivedAny` says whether a
    /// byte of the response has arrived (for the message when the server hangs up before one).
    private func fill(deadline: AttemptDeadline, receivedAny: Bool) throws -> Bool {
        if let tls { return try fill(from: tls, deadline: deadline, receivedAny: receivedAny) }
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 {
                // Indices into the buffer stay valid while a response is read: no compaction here.
                buffer.append(contentsOf: chunk[0..<count])
                try checkDeadline(deadline)
                return true
            }
            if count == 0 {
                if !receivedAny { throw Self.closedWithoutAnswer }
                return false
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                if nonBlockingReads { throw WouldBlock() }
                try deadline.wait(for: fd, events: Int16(POLLIN), timeout: "no response within the timeout")
                continue
            }
            if code == ECONNRESET && !receivedAny { throw Self.resetWithoutAnswer(code) }
            throw HTTPTransportError(.connectionFailed, "receiving failed (errno \(code))")
        }
    }

    /// ``fill(deadline:receivedAny:)`` through TLS.
    private func fill(from tls: TLSSession, deadline: AttemptDeadline, receivedAny: Bool) throws -> Bool {
        let count: Int
        do {
            count = try chunk.withUnsafeMutableBytes { try tls.read(into: $0, deadline: deadline, nonBlocking: nonBlockingReads) }
        } catch let reset as TLSSession.Reset {
            if !receivedAny { throw Self.resetWithoutAnswer(reset.code) }
            throw HTTPTransportError(.connectionFailed, "receiving failed (errno \(reset.code))")
        }
        guard count > 0 else {
            if !receivedAny { throw Self.closedWithoutAnswer }
            return false
        }
        buffer.append(contentsOf: chunk[0..<count])
        try checkDeadline(deadline)
        return true
    }

    /// A server that keeps sending never makes the reader wait; the deadline still ends the exchange.
    private func checkDeadline(_ deadline: AttemptDeadline) throws {
        if deadline.hasPassed { throw HTTPTransportError(.timedOut, "no complete response within the timeout") }
    }

    /// The request was written, and the server closed the connection before a byte of response.
    /// It may have acted on the request: only the retry policy may send it again.
    static let closedWithoutAnswer = HTTPTransportError(.connectionFailed, "the server closed the connection without answering")

    static func resetWithoutAnswer(_ code: Int32) -> HTTPTransportError {
        HTTPTransportError(.connectionFailed, "the server reset the connection without answering (errno \(code))")
    }

    private func readHead(deadline: AttemptDeadline) throws -> HTTP1Message.Head {
        var scanFrom = readIndex
        while true {
            if buffer.count - scanFrom >= 4 {
                var index = scanFrom
                let end = buffer.count - 3
                while index < end {
                    if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                        let head = try HTTP1Message.parseHead(buffer[readIndex..<index])
                        readIndex = index + 4
                        return head
                    }
                    index += 1
                }
                scanFrom = max(readIndex, buffer.count - 3)
            }
            guard buffer.count - readIndex < 256 * 1024 else {
                throw HTTPTransportError(.invalidResponse, "the response head is larger than 256 KiB")
            }
            let hadBytes = buffer.count > readIndex
            guard try fill(deadline: deadline, receivedAny: hadBytes) else {
                throw HTTPTransportError(.invalidResponse, "the connection closed inside the response head")
            }
        }
    }

    /// A `Content-Length` body. A large one (in blocking mode) is received straight into the
    /// `Data` it is returned in, allocated once at its announced size: no copy through the
    /// connection's buffer, no growing. Small bodies, and reads that must not block (whose bytes
    /// have to stay in the buffer when they stop), go through the buffer.
    private func readBody(_ length: Int, deadline: AttemptDeadline) throws -> Data {
        let buffered = min(buffer.count - readIndex, length)
        guard !nonBlockingReads, length - buffered >= Self.directBodyBytes else {
            return Data(try readExactly(length, deadline: deadline))
        }
        var body = Data(count: length)
        var filled = buffered
        try body.withUnsafeMutableBytes { (destination: UnsafeMutableRawBufferPointer) in
            if buffered > 0 {
                buffer.withUnsafeBytes { source in
                    destination.baseAddress!.copyMemory(from: source.baseAddress! + readIndex, byteCount: buffered)
                }
            }
            readIndex += buffered
            while filled < length {
                let count = try receive(into: UnsafeMutableRawBufferPointer(rebasing: destination[filled..<length]), deadline: deadline)
                guard count > 0 else {
                    throw HTTPTransportError(.invalidResponse, "the connection closed before the body was complete")
                }
                filled += count
                try checkDeadline(deadline)
            }
        }
        return body
    }

    /// Bodies with at least this many bytes still to come are received without the buffer.
    static let directBodyBytes = 64 * 1024

    /// One blocking receive (plain or TLS) into `destination`; 0 at the end of the stream.
    private func receive(into destination: UnsafeMutableRawBufferPointer, deadline: AttemptDeadline) throws -> Int {
        if let tls {
            do {
                return try tls.read(into: destination, deadline: deadline, nonBlocking: false)
            } catch let reset as TLSSession.Reset {
                throw HTTPTransportError(.connectionFailed, "receiving failed (errno \(reset.code))")
            }
        }
        while true {
            let count = recv(fd, destination.baseAddress, destination.count, Int32(MSG_DONTWAIT))
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                try deadline.wait(for: fd, events: Int16(POLLIN), timeout: "no response within the timeout")
                continue
            }
            throw HTTPTransportError(.connectionFailed, "receiving failed (errno \(code))")
        }
    }

    private func readExactly(_ length: Int, deadline: AttemptDeadline) throws -> [UInt8] {
        while buffer.count - readIndex < length {
            guard try fill(deadline: deadline, receivedAny: true) else {
                throw HTTPTransportError(.invalidResponse, "the connection closed before the body was complete")
            }
        }
        let bytes = Array(buffer[readIndex..<readIndex + length])
        readIndex += length
        return bytes
    }

    private func readLine(deadline: AttemptDeadline) throws -> String {
        while true {
            if let end = buffer[readIndex...].firstIndex(of: 10) {
                let line = String(decoding: buffer[readIndex..<end], as: UTF8.self)
                readIndex = end + 1
                return line.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard try fill(deadline: deadline, receivedAny: true) else {
                throw HTTPTransportError(.invalidResponse, "the connection closed inside a chunked body")
            }
        }
    }

    private func readChunked(deadline: AttemptDeadline) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeText = try readLine(deadline: deadline).prefix { $0 != ";" }
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw HTTPTransportError(.invalidResponse, "invalid chunk size")
            }
            if size == 0 {
                while try !readLine(deadline: deadline).isEmpty {}  // trailers
                return body
            }
            if size > deadline.maximumBodyBytes - body.count {
                throw ResponseTooLarge("more than \(deadline.maximumBodyBytes) bytes in chunks", limit: deadline.maximumBodyBytes)
            }
            body += try readExactly(size, deadline: deadline)
            _ = try readLine(deadline: deadline)
        }
    }

    private func readToEnd(deadline: AttemptDeadline) throws -> [UInt8] {
        while try fill(deadline: deadline, receivedAny: true) {
            if buffer.count - readIndex > deadline.maximumBodyBytes {
                throw ResponseTooLarge("more than \(deadline.maximumBodyBytes) bytes before the end", limit: deadline.maximumBodyBytes)
            }
        }
        let bytes = Array(buffer[readIndex...])
        readIndex = buffer.count
        return bytes
    }
}
