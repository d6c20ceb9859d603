#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way the loopback servers listen: a TCP socket bound to 127.0.0.1 (`SO_REUSEADDR`),
/// listening, at `port` (0: a port the system picks). Connections to it complete (the kernel
/// queues them in the backlog) even before anyone calls `accept`. The caller closes it.
package enum ListeningSocket {
    /// Why the socket could not be opened.
    package struct Failed: Error, Sendable {
        /// The system call that failed (`socket`, `bind`, `listen`, `getsockname`).
        package var call: String
        /// Its `errno`.
        package var errno: Int32
    }

    /// Opens the socket; returns its descriptor and the port it is bound to. With `backlog` nil the
    /// socket is bound but never listens: a loopback port that refuses connections, and that no
    /// other socket can take while it is open.
    package static func open(port: UInt16 = 0, backlog: Int32? = 64) throws(Failed) -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, posixStreamSocketType, 0)
        guard fd >= 0 else { throw Failed(call: "socket", errno: errno) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, backlog.map({ posixListen(fd, $0) == 0 }) ?? true else {
            let code = errno
            _ = posixClose(fd)
            throw Failed(call: bound == 0 ? "listen" : "bind", errno: code)
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            _ = posixClose(fd)
            throw Failed(call: "getsockname", errno: code)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }
}
