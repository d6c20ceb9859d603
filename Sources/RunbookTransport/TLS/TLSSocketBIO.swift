import COpenSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An OpenSSL BIO over a non-blocking socket descriptor. OpenSSL's own socket BIO writes with
/// `write(2)`, which raises `SIGPIPE` (ending the process) when the peer has gone; this one sends
/// with `MSG_NOSIGNAL` (Linux) or on a socket with `SO_NOSIGPIPE` (Darwin). It never blocks: an
/// empty receive buffer or a full send buffer sets the retry flags and the caller `poll`s.
/// The BIO does not own the descriptor.
package enum TLSSocketBIO {
    /// The BIO method, made once per process and never changed.
    private static let method = MethodPointer()

    /// A new BIO on `fd` (the caller hands it to `SSL_set_bio`, which takes ownership); nil when out of memory.
    package static func make(fd: Int32) -> OpaquePointer? {
        guard let method = method.pointer, let bio = BIO_new(method) else { return nil }
        let box = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        box.initialize(to: fd)
        BIO_set_data(bio, box)
        #if canImport(Darwin)
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return bio
    }

    private static func descriptor(_ bio: OpaquePointer?) -> Int32 {
        BIO_get_data(bio)?.assumingMemoryBound(to: Int32.self).pointee ?? -1
    }

    private static let write: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = { bio, bytes, count in
        runbook_BIO_clear_retry_flags(bio)
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL | MSG_DONTWAIT)
        #else
        let flags = MSG_DONTWAIT
        #endif
        let sent = send(descriptor(bio), bytes, Int(count), flags)
        if sent < 0 && isRetryable(errno) { runbook_BIO_set_retry_write(bio) }
        return Int32(sent)
    }

    private static let read: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = { bio, bytes, count in
        runbook_BIO_clear_retry_flags(bio)
        let received = recv(descriptor(bio), bytes, Int(count), Int32(MSG_DONTWAIT))
        if received < 0 && isRetryable(errno) { runbook_BIO_set_retry_read(bio) }
        return Int32(received)
    }

    private static let control: @convention(c) (OpaquePointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int = { _, command, _, _ in
        command == BIO_CTRL_FLUSH ? 1 : 0
    }

    private static let create: @convention(c) (OpaquePointer?) -> Int32 = { bio in
        BIO_set_init(bio, 1)
        return 1
    }

    private static let destroy: @convention(c) (OpaquePointer?) -> Int32 = { bio in
        BIO_get_data(bio)?.assumingMemoryBound(to: Int32.self).deallocate()
        BIO_set_data(bio, nil)
        return 1
    }

    private static func isRetryable(_ code: Int32) -> Bool {
        code == EAGAIN || code == EWOULDBLOCK || code == EINTR
    }

    /// Holds the process-wide `BIO_METHOD` (immutable once made, so sharing it is safe).
    private final class MethodPointer: @unchecked Sendable {
        let pointer: OpaquePointer?

        init() {
            let method = BIO_meth_new(BIO_TYPE_SOURCE_SINK | 0x70, "runbook socket")
            if let method {
                BIO_meth_set_write(method, TLSSocketBIO.write)
                BIO_meth_set_read(method, TLSSocketBIO.read)
                BIO_meth_set_ctrl(method, TLSSocketBIO.control)
                BIO_meth_set_create(method, TLSSocketBIO.create)
                BIO_meth_set_destroy(method, TLSSocketBIO.destroy)
            }
            pointer = method
        }
    }
}
