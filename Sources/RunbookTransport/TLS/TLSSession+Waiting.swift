import COpenSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TLSSession {
    /// How one OpenSSL call ended, once it no longer asks to be retried.
    enum Outcome {
        /// It succeeded; the count it returned (bytes read or written, 1 for a handshake).
        case done(Int)
        /// The peer closed the connection (close_notify, or end of stream).
        case closed
        /// The peer reset the connection; the errno.
        case reset(Int32)
        /// A TLS failure; the reason from OpenSSL's error queue.
        case failed(String)
    }

    /// Runs `operation` (`SSL_connect`, `SSL_read`, `SSL_write`) until it no longer wants to read or
    /// write, waiting for the socket with `poll` up to `deadline` in between.
    /// - Throws: ``SocketConnection/WouldBlock`` when `nonBlocking` and it wants to read;
    ///   ``HTTPTransportError/Kind/timedOut`` with `timeout` as its message when the deadline passes
    ///   (each wait is bounded by what is left of it, see ``AttemptDeadline/wait(for:events:timeout:)``).
    func perform(
        deadline: AttemptDeadline, nonBlocking: Bool = false, timeout: @autoclosure () -> String,
        _ operation: (OpaquePointer) -> Int32
    ) throws -> Outcome {
        while true {
            ERR_clear_error()
            let result = operation(ssl)
            let code = errno
            if result > 0 { return .done(Int(result)) }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ:
                if nonBlocking { throw SocketConnection.WouldBlock() }
                try deadline.wait(for: fd, events: Int16(POLLIN), timeout: timeout())
            case SSL_ERROR_WANT_WRITE:
                try deadline.wait(for: fd, events: Int16(POLLOUT), timeout: timeout())
            case SSL_ERROR_ZERO_RETURN:
                return .closed
            case SSL_ERROR_SYSCALL:
                let reason = TLSErrorQueue.drain()
                if code == EINTR { continue }
                if code == 0 || result == 0 { return reason == "unknown error" ? .closed : .failed(reason) }
                return .reset(code)
            default:
                return .failed(TLSErrorQueue.drain())
            }
        }
    }
}
