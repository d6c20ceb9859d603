import Foundation
import HTTPTypes
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
/// A plain connection blocks in `recv`/`send` with `SO_RCVTIMEO`/`SO_SNDTIMEO`; a TLS connection
/// keeps its socket non-blocking and waits with `poll` (OpenSSL needs to be retried, not blocked).
final class SocketConnection: @unchecked Sendable {
    /// The pooled connection was closed by the server before any response byte arrived.
    struct StaleConnection: Error {}
    /// A non-blocking read found no data yet.
    struct WouldBlock: Error {}

    private let fd: Int32
    /// Whether the descriptor is closed; held while shutting down or closing it, so a number
    /// the kernel already reused for another socket is never touched.
    private let closed = Mutex(false)
    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var socketTimeout: Duration = .zero
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
    static func connect(
        to address: SocketAddress, deadline: ContinuousClock.Instant, tls: TLSClientContext? = nil
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
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let wait = Self.milliseconds(until: deadline)
            guard wait > 0, poll(&descriptor, 1, wait) == 1 else {
                throw HTTPTransportError(.timedOut, "no connection to \(address.authority) within the timeout")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else {
                throw HTTPTransportError(.connectionFailed, "connection to \(address.authority) failed (errno \(error))")
            }
        }
        if let tls {
            connection.tls = try TLSSession.connect(fd: fd, host: address.host, context: tls, deadline: deadline)
        } else {
            _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        }
        return connection
    }

    /// Ends a blocked read or write (task cancellation).
    func interrupt() {
        closed.withLock { closed in
            if !closed { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Closes the descriptor (once).
    func close() {
        closed.withLock { closed in
            if !closed { _ = posixClose(fd) }
            closed = true
        }
    }

    /// Sends a request and reads its response, blocking. Returns whether the connection may be reused.
    func exchange(_ message: [UInt8], deadline: ContinuousClock.Instant, isHead: Bool) throws -> (HTTPTransportResponse, Bool) {
        try send(message, deadline: deadline)
        return try readResponse(deadline: deadline, isHead: isHead)
    }

    /// Sends a request (blocking only while the socket's send buffer is full).
    func send(_ message: [UInt8], deadline: ContinuousClock.Instant) throws {
        if readIndex == buffer.count {
            if buffer.capacity > 1 << 20 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
            readIndex = 0
        }
        if let tls {
            try tls.write(message, deadline: deadline)
        } else {
            try applyTimeout(deadline)
            try write(message)
        }
    }

    /// Reads the response if it arrives within about a millisecond and can be read without
    /// blocking; otherwise returns nil with nothing consumed (the bytes received so far stay
    /// buffered), so a blocking ``readResponse(deadline:isHead:)`` can take over elsewhere.
    func readResponseIfQuick(deadline: ContinuousClock.Instant, isHead: Bool) throws -> (HTTPTransportResponse, Bool)? {
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
    func isReadable(waitingMilliseconds milliseconds: Int32) -> Bool {
        if tls?.hasBufferedBytes == true { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) == 1
    }

    /// Reads one response, blocking until it is complete or the deadline passes.
    func readResponse(deadline: ContinuousClock.Instant, isHead: Bool) throws -> (HTTPTransportResponse, Bool) {
        var head: HTTP1Message.Head
        repeat {
            head = try readHead(deadline: deadline)
        } while (100..<200).contains(head.status)
        var body: [UInt8] = []
        var reusable = head.keepAlive
        if isHead || head.status == 204 || head.status == 304 {
            body = []
        } else if head.chunked {
            body = try readChunked(deadline: deadline)
        } else if let length = head.contentLength {
            body = try readExactly(length, deadline: deadline)
        } else {
            body = try readToEnd(deadline: deadline)
            reusable = false
        }
        let response = HTTPTransportResponse(
            head: HTTPResponse(status: .init(code: head.status), headerFields: head.fields), body: Data(body))
        return (response, reusable && readIndex == buffer.count)
    }

    private func applyTimeout(_ deadline: ContinuousClock.Instant) throws {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw HTTPTransportError(.timedOut, "no time left for the request") }
        let difference = remaining > socketTimeout ? remaining - socketTimeout : socketTimeout - remaining
        guard difference * 100 > remaining else { return }
        let micros = remaining.components.seconds * 1_000_000 + remaining.components.attoseconds / 1_000_000_000_000
        var value = timeval(tv_sec: Int(micros / 1_000_000), tv_usec: Int(micros % 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        socketTimeout = remaining
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                posixSend(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { throw HTTPTransportError(.timedOut, "sending timed out") }
            if code == EPIPE || code == ECONNRESET { throw StaleConnection() }
            throw HTTPTransportError(.connectionFailed, "sending failed (errno \(code))")
        }
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill(deadline: ContinuousClock.Instant, receivedAny: Bool) throws -> Bool {
        if let tls { return try fill(from: tls, deadline: deadline, receivedAny: receivedAny) }
        while true {
            let flags = nonBlockingReads ? Int32(MSG_DONTWAIT) : 0
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, flags) }
            if count > 0 {
                // Indices into the buffer stay valid while a response is read: no compaction here.
                buffer.append(contentsOf: chunk[0..<count])
                if ContinuousClock.now > deadline { throw HTTPTransportError(.timedOut, "no complete response within the timeout") }
                return true
            }
            if count == 0 {
                if !receivedAny { throw StaleConnection() }
                return false
            }
            let code = errno
            if code == EINTR { continue }
            if nonBlockingReads && (code == EAGAIN || code == EWOULDBLOCK) { throw WouldBlock() }
            if code == EAGAIN || code == EWOULDBLOCK || ContinuousClock.now >= deadline {
                throw HTTPTransportError(.timedOut, "no response within the timeout")
            }
            if code == ECONNRESET && !receivedAny { throw StaleConnection() }
            throw HTTPTransportError(.connectionFailed, "receiving failed (errno \(code))")
        }
    }

    /// ``fill(deadline:receivedAny:)`` through TLS.
    private func fill(from tls: TLSSession, deadline: ContinuousClock.Instant, receivedAny: Bool) throws -> Bool {
        let count: Int
        do {
            count = try chunk.withUnsafeMutableBytes { try tls.read(into: $0, deadline: deadline, nonBlocking: nonBlockingReads) }
        } catch let reset as TLSSession.Reset {
            if !receivedAny { throw StaleConnection() }
            throw HTTPTransportError(.connectionFailed, "receiving failed (errno \(reset.code))")
        }
        guard count > 0 else {
            if !receivedAny { throw StaleConnection() }
            return false
        }
        buffer.append(contentsOf: chunk[0..<count])
        if ContinuousClock.now > deadline { throw HTTPTransportError(.timedOut, "no complete response within the timeout") }
        return true
    }

    private func readHead(deadline: ContinuousClock.Instant) throws -> HTTP1Message.Head {
        var scanFrom = readIndex
        while true {
            if buffer.count - scanFrom >= 4 {
                var index = scanFrom
                let end = buffer.count - 3
                while index < end {
                    if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                        guard let head = HTTP1Message.parseHead(buffer[readIndex..<index]) else {
                            throw HTTPTransportError(.invalidResponse, "the response head is not HTTP/1.1")
                        }
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

    private func readExactly(_ length: Int, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        while buffer.count - readIndex < length {
            guard try fill(deadline: deadline, receivedAny: true) else {
                throw HTTPTransportError(.invalidResponse, "the connection closed before the body was complete")
            }
        }
        let bytes = Array(buffer[readIndex..<readIndex + length])
        readIndex += length
        return bytes
    }

    private func readLine(deadline: ContinuousClock.Instant) throws -> String {
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

    private func readChunked(deadline: ContinuousClock.Instant) throws -> [UInt8] {
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
            body += try readExactly(size, deadline: deadline)
            _ = try readLine(deadline: deadline)
        }
    }

    private func readToEnd(deadline: ContinuousClock.Instant) throws -> [UInt8] {
        while try fill(deadline: deadline, receivedAny: true) {}
        let bytes = Array(buffer[readIndex...])
        readIndex = buffer.count
        return bytes
    }

    static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return 0 }
        let ms = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(ms, 1))
    }
}

// The module-qualified POSIX calls that this file's methods of the same name would shadow.
#if canImport(Glibc)
private func posixConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    Glibc.connect(fd, address, length)
}
private func posixClose(_ fd: Int32) -> Int32 { Glibc.close(fd) }
private func posixSend(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    Glibc.send(fd, bytes, count, flags)
}
#else
private func posixConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    Darwin.connect(fd, address, length)
}
private func posixClose(_ fd: Int32) -> Int32 { Darwin.close(fd) }
private func posixSend(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    Darwin.send(fd, bytes, count, flags)
}
#endif
