import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the server could not start.
public struct LoopbackServerError: Error, Sendable, CustomStringConvertible {
    /// What failed, with `errno`.
    public var description: String
}

extension LoopbackHTTPServer {
    static func listen(port: UInt16) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw LoopbackServerError(description: "socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #if canImport(Glibc)
        let listening = Glibc.listen(fd, 512)
        #else
        let listening = Darwin.listen(fd, 512)
        #endif
        guard bound == 0, listening == 0 else {
            let code = errno
            _ = close(fd)
            throw LoopbackServerError(description: "cannot listen on 127.0.0.1:\(port): errno \(code)")
        }
        return fd
    }

    static func boundPort(_ fd: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw LoopbackServerError(description: "getsockname() failed: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }
}
