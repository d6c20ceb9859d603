public import Foundation

/// An HTTPS/1.1 server on 127.0.0.1 for tests and benchmarks: the system's OpenSSL, one thread per
/// keep-alive connection, every request answered `200` with the same JSON body.
///
/// ```swift
/// let certificates = try await LoopbackCertificates.shared()
/// let server = try LoopbackTLSServer(certificates.loopback, body: #"{"ok":true}"#)
/// defer { server.stop() }
/// let transport = SocketHTTPTransport(trustedCAFile: certificates.caFile)
/// ```
public final class LoopbackTLSServer: Sendable {
    private let server: ConformanceServer

    /// Starts listening with `identity`'s certificate.
    public init(_ identity: LoopbackCertificates.Identity, body: String) throws {
        server = try ConformanceServer(tls: identity) { connection in
            while connection.readRequest() != nil { connection.answer(body) }
        }
    }

    /// The port the server listens on.
    public var port: UInt16 { server.port }
    /// `https://127.0.0.1:port/`.
    public var baseURL: URL { URL(string: "https://127.0.0.1:\(port)/")! }
    /// TLS handshakes completed so far.
    public var handshakes: Int { server.handshakes }

    /// Stops accepting and ends every connection.
    public func stop() {
        server.stop()
    }
}
