import COpenSSL

/// The server side of TLS for the loopback test servers: an OpenSSL `SSL_CTX` with a certificate
/// chain and key from PEM files, optionally requiring a client certificate from one CA (mTLS)
/// and capping the protocol version. Shared read-only by the server's threads.
package final class TLSServerContext: @unchecked Sendable {
    /// Why the context could not be made: the step that failed.
    package struct Failed: Error, Sendable, CustomStringConvertible {
        /// E.g. `loading /tmp/…/loopback.pem`.
        package var step: String
        /// The step.
        package var description: String { step }
    }

    /// The OpenSSL context (freed with this object).
    package let pointer: OpaquePointer

    /// Loads `certificateFile` (a chain) and `keyFile`.
    /// - Parameters:
    ///   - clientCAFile: a CA file: the server then requires a client certificate that CA issued,
    ///     and rejects a handshake without one.
    ///   - maximumVersion: the highest TLS version spoken (e.g. `TLS1_2_VERSION`), nil: any.
    package init(certificateFile: String, keyFile: String, clientCAFile: String? = nil, maximumVersion: Int32? = nil) throws(Failed) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw Failed(step: "SSL_CTX_new") }
        pointer = context
        guard SSL_CTX_use_certificate_chain_file(context, certificateFile) == 1,
              SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1
        else { throw Failed(step: "loading \(certificateFile)") }
        if let clientCAFile {
            guard SSL_CTX_load_verify_locations(context, clientCAFile, nil) == 1 else { throw Failed(step: "loading \(clientCAFile)") }
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
        if let maximumVersion, runbook_SSL_CTX_set_max_version(context, maximumVersion) != 1 {
            throw Failed(step: "maximum version")
        }
    }

    deinit {
        SSL_CTX_free(pointer)
    }
}
