import COpenSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The client side of one TLS connection (OpenSSL `SSL`) on a connected, non-blocking socket.
/// Every call waits with `poll` until its deadline, so timeouts are exact and a `shutdown` of the
/// socket (task cancellation) ends a wait at once. Used by one request at a time, like its
/// ``SocketConnection``, which makes the unchecked `Sendable` sound.
package final class TLSSession: @unchecked Sendable {
    /// The peer reset the connection (`ECONNRESET`, `EPIPE`); `code` is the errno.
    package struct Reset: Error {
        /// The errno.
        package let code: Int32
    }

    /// The OpenSSL connection (freed with the session).
    package let ssl: OpaquePointer
    /// The socket (owned by the ``SocketConnection``).
    package let fd: Int32
    /// The server's name (or IP address) the certificate was checked against.
    package let host: String

    /// The context's settings (pins, client certificate), for error messages.
    package let settings: TLSClientOptions

    private init(ssl: OpaquePointer, fd: Int32, host: String, settings: TLSClientOptions) {
        self.ssl = ssl
        self.fd = fd
        self.host = host
        self.settings = settings
    }

    deinit {
        SSL_free(ssl)
    }

    /// Performs the handshake on `fd`: SNI and hostname checking for `host` (IP addresses are
    /// checked against the certificate's IP addresses), certificate verification on.
    package static func connect(
        fd: Int32, host: String, context: TLSClientContext, deadline: AttemptDeadline
    ) throws -> TLSSession {
        ERR_clear_error()
        guard let ssl = SSL_new(context.context) else {
            throw HTTPTransportError(.tlsFailed, "cannot start TLS with \(host): \(TLSErrorQueue.drain())")
        }
        let session = TLSSession(ssl: ssl, fd: fd, host: host, settings: context.settings)
        guard let bio = TLSSocketBIO.make(fd: fd) else {
            throw HTTPTransportError(.tlsFailed, "cannot start TLS with \(host): out of memory")
        }
        SSL_set_bio(ssl, bio, bio)
        // Read ahead: one recv takes as many records as have arrived (not a 5-byte header, then
        // the record), into a buffer of 64 KiB.
        SSL_set_read_ahead(ssl, 1)
        SSL_set_default_read_buffer_len(ssl, 64 * 1024)
        guard session.expectServerName() else {
            throw HTTPTransportError(.tlsFailed, "cannot check the certificate of \(host): \(TLSErrorQueue.drain())")
        }
        let outcome = try session.perform(deadline: deadline, timeout: "no TLS handshake with \(host) within the timeout") {
            SSL_connect($0)
        }
        switch outcome {
        case .done:
            try session.checkPins(context.settings.pinnedSPKISHA256)
            return session
        case .closed:
            throw HTTPTransportError(.tlsFailed, "TLS handshake with \(host) failed: the server closed the connection")
        case .reset(let code):
            throw HTTPTransportError(.tlsFailed, "TLS handshake with \(host) failed: connection reset (errno \(code))")
        case .failed(let reason):
            let verification = SSL_get_verify_result(ssl)
            if verification != X509_V_OK, let text = X509_verify_cert_error_string(verification) {
                throw HTTPTransportError(.tlsFailed, "certificate verify failed for \(host): \(String(cString: text))")
            }
            throw TLSFailureText.handshakeFailed(host: host, reason: reason, settings: context.settings)
        }
    }

    /// Reads decrypted bytes into `buffer`; 0 at the end of the stream. Throws
    /// ``SocketConnection/WouldBlock`` when `nonBlocking` and nothing can be read yet, ``Reset``
    /// when the peer reset the connection.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: AttemptDeadline, nonBlocking: Bool) throws -> Int {
        let outcome = try perform(deadline: deadline, nonBlocking: nonBlocking, timeout: "no response within the timeout") {
            SSL_read($0, buffer.baseAddress, Int32(clamping: buffer.count))
        }
        switch outcome {
        case .done(let count): return count
        case .closed: return 0
        case .reset(let code): throw Reset(code: code)
        case .failed(let reason):
            // TLS 1.3: a server that rejects the client certificate says so after the client's handshake ended.
            if let rejected = TLSFailureText.clientCertificateRejected(host: host, reason: reason, settings: settings) { throw rejected }
            throw HTTPTransportError(.connectionFailed, "TLS error from \(host): \(reason)")
        }
    }

    /// Writes all of `bytes`; a connection closed or reset before any byte left throws
    /// ``SocketConnection/NotSent``.
    func write(_ bytes: [UInt8], deadline: AttemptDeadline) throws {
        try bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let outcome = try perform(deadline: deadline, timeout: "sending timed out") {
                    SSL_write($0, raw.baseAddress! + sent, Int32(clamping: raw.count - sent))
                }
                switch outcome {
                case .done(let count): sent += count
                case .closed where sent == 0, .reset where sent == 0: throw SocketConnection.NotSent()
                case .closed: throw HTTPTransportError(.connectionFailed, "\(host) closed the connection while the request was sent")
                case .reset(let code): throw HTTPTransportError(.connectionFailed, "sending failed (errno \(code))")
                case .failed(let reason): throw HTTPTransportError(.connectionFailed, "TLS error from \(host): \(reason)")
                }
            }
        }
    }

    /// Whether decrypted or received-but-undecrypted bytes wait inside OpenSSL (`poll` cannot see them).
    var hasBufferedBytes: Bool {
        SSL_pending(ssl) > 0 || SSL_has_pending(ssl) == 1
    }

    /// Whether everything that arrived on the idle connection is TLS protocol records without
    /// application data (a TLS 1.3 session ticket, a key update), processed now; false when the
    /// peer closed, reset, or sent data nobody asked for. Never waits.
    func hasOnlyProtocolRecords() -> Bool {
        var scratch: UInt8 = 0
        let alreadyPassed = AttemptDeadline(after: .zero, now: { ContinuousClock.now })
        do {
            // Any outcome but "wants to read more" (data, close_notify, reset, an error) ends reuse.
            _ = try perform(deadline: alreadyPassed, nonBlocking: true, timeout: "no time to check the idle connection") {
                SSL_read($0, &scratch, 1)
            }
            return false
        } catch is SocketConnection.WouldBlock {
            return !hasBufferedBytes
        } catch {
            return false
        }
    }

    private func expectServerName() -> Bool {
        if Self.isIPAddress(host) {
            return X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host) == 1
        }
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        return runbook_SSL_set_tlsext_host_name(ssl, host) == 1 && SSL_set1_host(ssl, host) == 1
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET, host, &address) == 1 || inet_pton(AF_INET6, host, &address) == 1
    }
}
