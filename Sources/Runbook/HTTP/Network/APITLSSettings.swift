/// The `tls` section of `global` or `apis.<name>`: how that API's `https://` connections are
/// verified and authenticated. A named API without its own section uses `global`'s.
///
/// | key | type | default |
/// |---|---|---|
/// | `ca-file` | string (path) | none: the system's CA store only (which honours `SSL_CERT_FILE`, `SSL_CERT_DIR`) |
/// | `client-certificate-file` | string (path) | none: no client certificate (mTLS off) |
/// | `client-key-secret` | string | `tls-client-key` (a named API looks for `<name>-tls-client-key` first) |
/// | `minimum-version` | `"1.2"` or `"1.3"` | `"1.2"` |
/// | `pinned-spki-sha256` | array of strings | `[]`: no pinning; else base64 SHA-256 of a SubjectPublicKeyInfo, one must match |
///
/// Paths are relative to the directory `runbook` runs in (the project root). The client key is
/// PEM text in the secrets (never a file), loaded into OpenSSL from memory.
public struct APITLSSettings: Decodable, Sendable, Equatable {
    /// `ca-file`.
    public var caFile: String?
    /// `client-certificate-file`.
    public var clientCertificateFile: String?
    /// `client-key-secret`: the name of the secret holding the client key's PEM.
    public var clientKeySecret: String?
    /// `minimum-version`.
    public var minimumVersion: String
    /// `pinned-spki-sha256`.
    public var pinnedSPKISHA256: [String]

    /// Creates settings.
    public init(
        caFile: String? = nil, clientCertificateFile: String? = nil, clientKeySecret: String? = nil,
        minimumVersion: String = "1.2", pinnedSPKISHA256: [String] = []
    ) {
        self.caFile = caFile
        self.clientCertificateFile = clientCertificateFile
        self.clientKeySecret = clientKeySecret
        self.minimumVersion = minimumVersion
        self.pinnedSPKISHA256 = pinnedSPKISHA256
    }

    enum CodingKeys: String, CodingKey {
        case caFile = "ca-file"
        case clientCertificateFile = "client-certificate-file"
        case clientKeySecret = "client-key-secret"
        case minimumVersion = "minimum-version"
        case pinnedSPKISHA256 = "pinned-spki-sha256"
    }
}
