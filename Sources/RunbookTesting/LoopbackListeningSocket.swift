import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP socket listening on 127.0.0.1 at a port the system picks. Connections to it complete (the
/// kernel queues them in the backlog) even when nobody calls `accept`: a server that never answers,
/// or the listening half of a test server. The caller closes the descriptor.
///
/// ```swift
/// let (descriptor, port) = try LoopbackListeningSocket.open()
/// defer { close(descriptor) }
/// ```
public enum LoopbackListeningSocket {
    /// Why the socket could not be opened.
    public struct Failed: Error, CustomStringConvertible {
        /// The system call that failed.
        public var call: String
        /// Its `errno`.
        public var errno: Int32

        public var description: String { "\(call) on 127.0.0.1 failed (errno \(errno))" }
    }

    /// Opens the socket; returns its descriptor and port.
    public static func open() throws(Failed) -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed(call: "socket", errno: errno) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            _ = close(fd)
            throw Failed(call: bound == 0 ? "listen" : "bind", errno: code)
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }
}
