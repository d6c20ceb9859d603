import COpenSSL

/// The client side of TLS for one transport: an OpenSSL `SSL_CTX` allowing TLS 1.2 and newer,
/// trusting the system's CA store (`SSL_CTX_set_default_verify_paths`, which also honours the
/// `SSL_CERT_FILE` and `SSL_CERT_DIR` variables) plus, optionally, one more CA file, and
/// verifying every server certificate. Made on the first `https://` request, so a run that never
/// uses HTTPS never reads the CA store. Safe to share: OpenSSL locks the context internally, and
/// nothing here changes it after `init`.
final class TLSClientContext: @unchecked Sendable {
    let context: OpaquePointer

    /// Creates the context.
    /// - Parameter trustedCAFile: a PEM file of CA certificates trusted in addition to the system's.
    init(trustedCAFile: String?) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw HTTPTransportError(.tlsFailed, "cannot set up TLS: \(TLSErrorQueue.drain())")
        }
        do {
            try Self.configure(context, trustedCAFile: trustedCAFile)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        self.context = context
    }

    private static func configure(_ context: OpaquePointer, trustedCAFile: String?) throws {
        guard runbook_SSL_CTX_require_tls12(context) == 1 else {
            throw HTTPTransportError(.tlsFailed, "cannot set up TLS 1.2: \(TLSErrorQueue.drain())")
        }
        runbook_SSL_CTX_accept_moving_write_buffer(context)
        runbook_SSL_CTX_ignore_unexpected_eof(context)
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // A machine without a CA store still works with `trustedCAFile`; verification then fails clearly.
        _ = SSL_CTX_set_default_verify_paths(context)
        ERR_clear_error()
        if let trustedCAFile {
            guard SSL_CTX_load_verify_locations(context, trustedCAFile, nil) == 1 else {
                throw HTTPTransportError(
                    .tlsFailed, "cannot load the trusted CA file \(trustedCAFile): \(TLSErrorQueue.drain())")
            }
        }
        let alpn: [UInt8] = [8] + Array("http/1.1".utf8)
        _ = SSL_CTX_set_alpn_protos(context, alpn, UInt32(alpn.count))
    }

    deinit {
        SSL_CTX_free(context)
    }
}
