import AsyncHTTPClient
import NIOSSL
import Runbook

extension AsyncHTTPClientTransport {
    /// NIO-SSL's client configuration for `settings`: full verification, the system's CA store plus
    /// the trusted CA file, the minimum version, the client certificate and key (mTLS).
    /// - Throws: ``HTTPTransportError/Kind/tlsFailed`` for a file or key that cannot be loaded, and
    ///   for pins, which this transport cannot check.
    static func tlsConfiguration(_ settings: TLSSettings) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        tls.minimumTLSVersion = settings.minimumVersion == .v1_3 ? .tlsv13 : .tlsv12
        guard settings.pinnedSPKISHA256.isEmpty else {
            throw HTTPTransportError(.tlsFailed, "certificate pinning (pinned-spki-sha256) is not supported by AsyncHTTPClientTransport; "
                                     + "use the default transport or remove the pins")
        }
        if let file = settings.trustedCAFile {
            do {
                tls.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(file))]
            } catch {
                throw HTTPTransportError(.tlsFailed, "cannot load the trusted CA file \(file): \(AsyncHTTPClientErrors.describe(error))")
            }
        }
        if let client = settings.clientCertificate {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(client.certificateFile).map { .certificate($0) }
            } catch {
                throw HTTPTransportError(.tlsFailed, "cannot load the client certificate \(client.certificateFile): "
                                         + AsyncHTTPClientErrors.describe(error))
            }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(client.privateKey.reveal().utf8), format: .pem))
            } catch {
                // The error names neither the key nor its bytes.
                throw HTTPTransportError(.tlsFailed, "the secret \(client.privateKey.name) is not a usable PEM private key")
            }
        }
        return tls
    }

    /// AsyncHTTPClient's proxy for `proxy`, with Basic credentials when a user is set.
    static func proxy(_ proxy: HTTPProxy) -> HTTPClient.Configuration.Proxy {
        let authorization = proxy.user.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password?.reveal() ?? "") }
        return .server(host: proxy.host, port: proxy.port, authorization: authorization)
    }
}
