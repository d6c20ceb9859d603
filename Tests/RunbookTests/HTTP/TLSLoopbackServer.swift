import Foundation
import RunbookTesting
import RunbookTransport

/// A tiny HTTPS/1.1 server on 127.0.0.1 for tests: the conformance suite's ``ConformanceServer``
/// with OpenSSL's server side (`SSL_accept`) on the socket BIO the client uses, one thread per
/// connection, keep-alive, every request answered by `handler` with a JSON body. Counts
/// connections and completed handshakes.
final class TLSLoopbackServer: Sendable {
    /// A received request.
    struct Request: Sendable {
        var method: String
        var path: String
        var body: String
        /// The negotiated protocol, e.g. `TLSv1.3`.
        var tlsVersion: String
        /// The request line and header lines, as received.
        var head: String = ""
    }

    private let server: ConformanceServer

    /// Starts listening with `identity`'s certificate and key.
    /// - Parameters:
    ///   - requiringClientCertificateFrom: a CA file: the server then requires a client
    ///     certificate that CA issued (mTLS), and rejects a handshake without one.
    ///   - maximumVersion: the highest TLS version spoken (e.g. `TLS1_2_VERSION`), nil: any.
    init(_ identity: LoopbackCertificates.Identity, requiringClientCertificateFrom clientCA: String? = nil,
         maximumVersion: Int32? = nil, handler: @escaping @Sendable (Request) -> (status: Int, body: String)) throws {
        let context = try TLSServerContext(
            certificateFile: identity.certificate, keyFile: identity.key, clientCAFile: clientCA, maximumVersion: maximumVersion)
        server = try ConformanceServer(context: context) { connection in
            while let request = connection.nextRequest() {
                let words = request.requestLine.split(separator: " ")
                guard words.count >= 2 else { return }
                let answer = handler(Request(
                    method: String(words[0]), path: String(words[1]), body: String(decoding: request.body, as: UTF8.self),
                    tlsVersion: connection.tlsVersion ?? "", head: request.head))
                guard connection.write("HTTP/1.1 \(answer.status) Answer\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(answer.body.utf8.count)\r\n\r\n\(answer.body)") else { return }
            }
        }
    }

    /// The port the server listens on.
    var port: UInt16 { server.port }
    /// TCP connections accepted so far.
    var accepted: Int { server.accepted }
    /// TLS handshakes completed so far.
    var handshakes: Int { server.handshakes }

    /// Stops accepting and ends every connection.
    func stop() {
        server.stop()
    }

    /// Ends every open connection but keeps listening (a server dropping idle keep-alive connections).
    func dropConnections() {
        server.dropConnections()
    }
}
