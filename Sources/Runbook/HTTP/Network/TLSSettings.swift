/// How a transport sets up TLS for `https://`: resolved from an API's `tls` section
/// (``APITLSSettings``) and its secrets by ``HTTPTransportSettings/resolve(api:apiName:global:environment:secrets:)``.
///
/// ```swift
/// let tls = TLSSettings(trustedCAFile: "certs/private-ca.pem", minimumVersion: .v1_3)
/// let transport = DefaultHTTPTransport(settings: HTTPTransportSettings(tls: tls))
/// ```
public struct TLSSettings: Sendable, Hashable {
    /// A PEM file of CA certificates trusted besides the system's store (nil: the system's only).
    public var trustedCAFile: String?
    /// The client certificate presented when a server asks for one (mTLS); nil: none.
    public var clientCertificate: TLSClientCertificate?
    /// The lowest TLS version accepted.
    public var minimumVersion: TLSVersion
    /// Base64 SHA-256 digests of SubjectPublicKeyInfos; when not empty, the server's certificate
    /// or one in its verified chain must have one of these keys (checked after normal verification).
    public var pinnedSPKISHA256: [String]

    /// Creates settings (defaults: the system's CA store, no client certificate, TLS 1.2, no pins).
    public init(
        trustedCAFile: String? = nil, clientCertificate: TLSClientCertificate? = nil,
        minimumVersion: TLSVersion = .v1_2, pinnedSPKISHA256: [String] = []
    ) {
        self.trustedCAFile = trustedCAFile
        self.clientCertificate = clientCertificate
        self.minimumVersion = minimumVersion
        self.pinnedSPKISHA256 = pinnedSPKISHA256
    }
}

/// A client certificate for mutual TLS: the certificate (chain) from a PEM file, the private key
/// as PEM text from a secret (loaded into memory, never written to disk).
public struct TLSClientCertificate: Sendable, Hashable {
    /// A PEM file with the client certificate, optionally followed by its intermediate CAs.
    public var certificateFile: String
    /// The private key's PEM text (unencrypted), as a secret.
    public var privateKey: Secret

    /// Creates a client certificate.
    public init(certificateFile: String, privateKey: Secret) {
        self.certificateFile = certificateFile
        self.privateKey = privateKey
    }
}

/// A TLS protocol version a transport may require as its minimum.
public enum TLSVersion: String, Sendable, Hashable, CaseIterable {
    /// TLS 1.2 (the default minimum).
    case v1_2 = "1.2"
    /// TLS 1.3.
    case v1_3 = "1.3"
}
