import Foundation
#if canImport(Glibc)
package import Glibc
#elseif canImport(Darwin)
package import Darwin
#endif

/// A resolved TCP address for a `host:port` authority.
package struct SocketAddress: Sendable {
    /// The `host[:port]` it was resolved from.
    package let authority: String
    /// The host name or IP address (IPv6 without brackets).
    package let host: String
    /// The address family (`AF_INET`, `AF_INET6`).
    package let family: Int32
    /// The socket type (`SOCK_STREAM`).
    package let socketType: Int32
    private let storage: [UInt8]

    /// Resolves `host[:port]` (IPv6 literals in brackets) with `getaddrinfo`; `defaultPort` when it has none.
    package static func resolve(authority: String, defaultPort: String = "80") throws -> SocketAddress {
        let (host, port) = split(authority: authority, defaultPort: defaultPort)
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, port, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0, let first = list, let address = first.pointee.ai_addr else {
            throw HTTPTransportError(.connectionFailed, "cannot resolve host \(host)")
        }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: address, count: Int(first.pointee.ai_addrlen)))
        return SocketAddress(authority: authority, host: host, family: first.pointee.ai_family,
                             socketType: first.pointee.ai_socktype, storage: bytes)
    }

    /// `host[:port]` (IPv6 literals in brackets) as host (without brackets) and port (`defaultPort` when it has none).
    package static func split(authority: String, defaultPort: String) -> (host: String, port: String) {
        var host = authority
        var port = defaultPort
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            if rest.hasPrefix(":") { port = String(rest.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = String(authority[authority.index(after: colon)...])
        }
        return (host, port)
    }

    private init(authority: String, host: String, family: Int32, socketType: Int32, storage: [UInt8]) {
        self.authority = authority
        self.host = host
        self.family = family
        self.socketType = socketType
        self.storage = storage
    }

    /// Calls `body` with the address as a `sockaddr` and its length.
    package func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        storage.withUnsafeBytes { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
    }
}
