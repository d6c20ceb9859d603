/// What the client side of TLS is set up with (``TLSClientContext``): Runbook makes it from its
/// public `TLSSettings` (`tls.*` keys), so this target needs neither those settings nor `Secret`.
package struct TLSClientOptions: Sendable {
    /// The lowest TLS version accepted; the raw value is the settings' spelling (`1.2`, `1.3`).
    package enum MinimumVersion: String, Sendable {
        /// TLS 1.2.
        case v1_2 = "1.2"
        /// TLS 1.3.
        case v1_3 = "1.3"
    }

    /// A client certificate for mutual TLS.
    package struct ClientCertificate: Sendable {
        /// A PEM file with the certificate, optionally followed by its intermediate CAs.
        package var certificateFile: String
        /// Its private key.
        package var privateKey: PrivateKey

        /// Creates a client certificate.
        package init(certificateFile: String, privateKey: PrivateKey) {
            self.certificateFile = certificateFile
            self.privateKey = privateKey
        }
    }

    /// A private key's PEM text, revealed only when the context loads it, and the name of the
    /// secret it comes from (for error messages; never the text).
    package struct PrivateKey: Sendable {
        /// The secret's name.
        package var name: String
        private let text: @Sendable () -> String

        /// Creates a key whose PEM text `text` returns.
        package init(name: String, text: @escaping @Sendable () -> String) {
            self.name = name
            self.text = text
        }

        /// The PEM text.
        package func reveal() -> String { text() }
    }

    /// A PEM file of CA certificates trusted besides the system's store (nil: the system's only).
    package var trustedCAFile: String?
    /// The client certificate presented when a server asks for one; nil: none.
    package var clientCertificate: ClientCertificate?
    /// The lowest TLS version accepted.
    package var minimumVersion: MinimumVersion
    /// Base64 SHA-256 digests of SubjectPublicKeyInfos the server's chain must have one of (empty: no pinning).
    package var pinnedSPKISHA256: [String]

    /// Creates options (defaults: the system's CA store, no client certificate, TLS 1.2, no pins).
    package init(
        trustedCAFile: String? = nil, clientCertificate: ClientCertificate? = nil,
        minimumVersion: MinimumVersion = .v1_2, pinnedSPKISHA256: [String] = []
    ) {
        self.trustedCAFile = trustedCAFile
        self.clientCertificate = clientCertificate
        self.minimumVersion = minimumVersion
        self.pinnedSPKISHA256 = pinnedSPKISHA256
    }
}
