import COpenSSL
import Foundation
import RunbookTesting
@testable import Runbook
import Synchronization

/// A tiny HTTPS/1.1 server on 127.0.0.1 for tests: OpenSSL's server side (`SSL_accept`) on the
/// same socket BIO the client uses, one thread per connection, keep-alive, every request answered
/// by `handler` with a JSON body. Counts connections and completed handshakes.
final class TLSLoopbackServer: Sendable {
    /// A received request.
    struct Request: Sendable {
        var method: String
        var path: String
        var body: String
        /// The negotiated protocol, e.g. `TLSv1.3`.
        var tlsVersion: String
        /// The request line and header lines, as received.
        var head: String = ""
    }

    private struct State {
        var stopped = false
        var connections: Set<Int32> = []
        var accepted = 0
        var handshakes = 0
    }

    private let context: SendablePointer
    private let listener: Int32
    /// The port the server listens on.
    let port: UInt16
    private let handler: @Sendable (Request) -> (status: Int, body: String)
    private let state = Mutex(State())

    /// Starts listening with `identity`'s certificate and key.
    /// - Parameters:
    ///   - requiringClientCertificateFrom: a CA file: the server then requires a client
    ///     certificate that CA issued (mTLS), and rejects a handshake without one.
    ///   - maximumVersion: the highest TLS version spoken (e.g. `TLS1_2_VERSION`), nil: any.
    init(_ identity: TestCertificates.Identity, requiringClientCertificateFrom clientCA: String? = nil,
         maximumVersion: Int32? = nil, handler: @escaping @Sendable (Request) -> (status: Int, body: String)) throws {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw SetupFailed(step: "SSL_CTX_new") }
        self.context = SendablePointer(pointer: context)
        guard SSL_CTX_use_certificate_chain_file(context, identity.certificate) == 1,
              SSL_CTX_use_PrivateKey_file(context, identity.key, SSL_FILETYPE_PEM) == 1
        else { throw SetupFailed(step: "loading \(identity.certificate)") }
        if let clientCA {
            guard SSL_CTX_load_verify_locations(context, clientCA, nil) == 1 else { throw SetupFailed(step: "loading \(clientCA)") }
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
        if let maximumVersion, runbook_SSL_CTX_set_max_version(context, maximumVersion) != 1 {
            throw SetupFailed(step: "maximum version")
        }
        (listener, port) = try LoopbackListeningSocket.open()
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit {
        SSL_CTX_free(context.pointer)
    }

    /// TCP connections accepted so far.
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
    }

    /// Ends every open connection but keeps listening (a server dropping idle keep-alive connections).
    func dropConnections() {
        state.withLock { state in
            for fd in state.connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        defer { _ = close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped, fd >= 0 else { return false }
                state.connections.insert(fd)
                state.accepted += 1
                return true
            }
            guard admitted else {
                if fd >= 0 { _ = close(fd) }
                if state.withLock({ $0.stopped }) { return }
                continue
            }
            let thread = Thread { [self] in serve(fd) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        let ssl = SSL_new(context.pointer)
        defer {
            SSL_free(ssl)
            state.withLock { _ = $0.connections.remove(fd) }
            _ = close(fd)
        }
        guard let ssl, let bio = TLSSocketBIO.make(fd: fd) else { return }
        SSL_set_bio(ssl, bio, bio)
        guard retrying(ssl, fd, { SSL_accept($0) }) > 0 else {
            // A rejected handshake (its alert already sent): wait for the client to close, so that
            // closing with its unread request does not reset the connection before it reads the alert.
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
        let version = String(cString: SSL_get_version(ssl))
        var received: [UInt8] = []
        while let (head, body) = readRequest(ssl, fd, &received) {
            let words = head.split(separator: " ")
            guard words.count >= 2 else { return }
            let answer = handler(Request(method: String(words[0]), path: String(words[1]), body: body, tlsVersion: version, head: head))
            let response = "HTTP/1.1 \(answer.status) Answer\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(answer.body.utf8.count)\r\n\r\n\(answer.body)"
            let bytes = Array(response.utf8)
            guard retrying(ssl, fd, { SSL_write($0, bytes, Int32(bytes.count)) }) == Int32(bytes.count) else { return }
        }
    }

    /// Reads one request head and its `Content-Length` body; nil when the client closed.
    private func readRequest(_ ssl: OpaquePointer, _ fd: Int32, _ received: inout [UInt8]) -> (String, String)? {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        func more() -> Bool {
            let count = retrying(ssl, fd) { SSL_read($0, &chunk, Int32(chunk.count)) }
            guard count > 0 else { return false }
            received += chunk[0..<Int(count)]
            return true
        }
        var end = received.firstRange(of: Array("\r\n\r\n".utf8))
        while end == nil {
            guard more() else { return nil }
            end = received.firstRange(of: Array("\r\n\r\n".utf8))
        }
        let head = String(decoding: received[..<end!.lowerBound], as: UTF8.self)
        let length = head.split(separator: "\r\n").compactMap { line -> Int? in
            guard line.lowercased().hasPrefix("content-length:") else { return nil }
            return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        while received.count < end!.upperBound + length {
            guard more() else { return nil }
        }
        let body = String(decoding: received[end!.upperBound..<end!.upperBound + length], as: UTF8.self)
        received.removeFirst(end!.upperBound + length)
        return (head, body)
    }

    /// Runs an OpenSSL call on the non-blocking socket, waiting whenever it wants to read or write
    /// for as long as it takes: the server never gives up on a client first (a client that gets
    /// no CPU for a while must not find its connection closed); ``stop()`` and
    /// ``dropConnections()`` end the wait by shutting the socket down.
    private func retrying(_ ssl: OpaquePointer, _ fd: Int32, _ operation: (OpaquePointer) -> Int32) -> Int32 {
        while true {
            ERR_clear_error()
            let result = operation(ssl)
            if result > 0 { return result }
            let wanted: Int32
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ: wanted = Int32(POLLIN)
            case SSL_ERROR_WANT_WRITE: wanted = Int32(POLLOUT)
            default:
                ERR_clear_error()
                return -1
            }
            var descriptor = pollfd(fd: fd, events: Int16(wanted), revents: 0)
            guard poll(&descriptor, 1, -1) == 1 else { return -1 }
        }
    }

    struct SetupFailed: Error {
        var step: String
    }

    /// An OpenSSL context shared read-only by the server's threads.
    private struct SendablePointer: @unchecked Sendable {
        let pointer: OpaquePointer
    }
}
