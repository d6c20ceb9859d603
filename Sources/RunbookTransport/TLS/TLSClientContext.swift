import COpenSSL

/// The client side of TLS for one transport: an OpenSSL `SSL_CTX` allowing TLS 1.2 and newer,
/// trusting the system's CA store (`SSL_CTX_set_default_verify_paths`, which also honours the
/// `SSL_CERT_FILE` and `SSL_CERT_DIR` variables) plus, optionally, one more CA file, and
/// verifying every server certificate. Made on the first `https://` request, so a run that never
/// uses HTTPS never reads the CA store. Safe to share: OpenSSL locks the context internally, and
/// nothing here changes it after `init`.
package final class TLSClientContext: @unchecked Sendable {
    /// The OpenSSL context (freed with this object).
    package let context: OpaquePointer
    /// The options it was made from (pins, whether a client certificate is set).
    package let settings: TLSClientOptions

    /// Creates the context.
    /// - Parameter trustedCAFile: a PEM file of CA certificates trusted in addition to the system's.
    package convenience init(trustedCAFile: String?) throws {
        try self.init(settings: TLSClientOptions(trustedCAFile: trustedCAFile))
    }

    /// Creates the context from `settings`: extra CA file, minimum version, client certificate
    /// (its key parsed from memory, never written to disk).
    package init(settings: TLSClientOptions) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw HTTPTransportError(.tlsFailed, "cannot set up TLS: \(TLSErrorQueue.drain())")
        }
        do {
            try Self.configure(context, trustedCAFile: settings.trustedCAFile)
            try Self.configure(context, settings: settings)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        self.context = context
        self.settings = settings
    }

    private static func configure(_ context: OpaquePointer, settings: TLSClientOptions) throws {
        if settings.minimumVersion == .v1_3 {
            guard runbook_SSL_CTX_set_min_version(context, TLS1_3_VERSION) == 1 else {
                throw HTTPTransportError(.tlsFailed, "cannot require TLS 1.3: \(TLSErrorQueue.drain())")
            }
        }
        guard let client = settings.clientCertificate else { return }
        guard SSL_CTX_use_certificate_chain_file(context, client.certificateFile) == 1 else {
            throw HTTPTransportError(
                .tlsFailed, "cannot load the client certificate \(client.certificateFile): \(TLSErrorQueue.drain())")
        }
        guard let key = TLSPEM.privateKey(client.privateKey.reveal()) else {
            throw HTTPTransportError(.tlsFailed, "the secret \(client.privateKey.name) is not an unencrypted PEM private key")
        }
        defer { EVP_PKEY_free(key) }
        guard SSL_CTX_use_PrivateKey(context, key) == 1, SSL_CTX_check_private_key(context) == 1 else {
            ERR_clear_error()
            throw HTTPTransportError(
                .tlsFailed, "the private key in the secret \(client.privateKey.name) does not belong to the client certificate "
                    + "\(client.certificateFile)")
        }
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
