#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The send loop of the loopback servers: writes all of `bytes` to the blocking socket `fd`
/// (`MSG_NOSIGNAL`: a peer that has gone is a `false`, not a `SIGPIPE`); false when the peer
/// has gone or the socket was shut down. (The client's non-blocking loop, bounded by a
/// deadline, is ``SocketConnection/send(_:deadline:)``.)
@discardableResult
package func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
        let count = bytes.withUnsafeBytes { raw in
            posixSend(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
        }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        sent += count
    }
    return true
}
