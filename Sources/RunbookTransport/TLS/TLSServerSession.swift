import COpenSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server side of one TLS connection for the loopback test servers, on the same socket BIO
/// the client uses (``TLSSocketBIO``: `MSG_NOSIGNAL`, never blocking). Every call waits with
/// `poll` for as long as it takes: a test server never gives up on a client first (a client that
/// gets no CPU for a while must not find its connection closed); shutting the socket down ends
/// the wait. Used by the connection's one thread.
package final class TLSServerSession {
    /// The OpenSSL connection (freed with the session).
    package let ssl: OpaquePointer
    private let fd: Int32

    /// A session on the accepted socket `fd` (which the caller keeps and closes); nil when out of memory.
    package init?(context: TLSServerContext, fd: Int32) {
        guard let ssl = SSL_new(context.pointer) else { return nil }
        guard let bio = TLSSocketBIO.make(fd: fd) else {
            SSL_free(ssl)
            return nil
        }
        SSL_set_bio(ssl, bio, bio)
        self.ssl = ssl
        self.fd = fd
    }

    deinit {
        SSL_free(ssl)
    }

    /// Performs the handshake; false when it failed (the alert, if any, already sent).
    package func accept() -> Bool {
        retrying { SSL_accept($0) } > 0
    }

    /// The negotiated protocol, e.g. `TLSv1.3`.
    package var version: String { String(cString: SSL_get_version(ssl)) }

    /// Appends what arrives to `buffer`; false at end of stream or on an error.
    package func receive(into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = retrying { SSL_read($0, &chunk, Int32(chunk.count)) }
        guard count > 0 else { return false }
        buffer += chunk[0..<Int(count)]
        return true
    }

    /// Writes all of `bytes`; false when the peer has gone.
    @discardableResult
    package func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { raw in retrying { SSL_write($0, raw.baseAddress, Int32(raw.count)) } }
            guard count > 0 else { return false }
            sent += Int(count)
        }
        return true
    }

    /// Sends `close_notify`.
    package func shutdown() {
        _ = SSL_shutdown(ssl)
    }

    /// Runs an OpenSSL call, waiting whenever it wants to read or write.
    private func retrying(_ operation: (OpaquePointer) -> Int32) -> Int32 {
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
}
