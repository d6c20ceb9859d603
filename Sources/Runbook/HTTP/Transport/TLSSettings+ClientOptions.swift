import RunbookTransport

extension TLSSettings {
    /// What the socket layer's ``TLSClientContext`` needs of these settings; the client key's
    /// PEM text is revealed only when the context loads it.
    var clientOptions: TLSClientOptions {
        TLSClientOptions(
            trustedCAFile: trustedCAFile,
            clientCertificate: clientCertificate.map { client in
                let key = client.privateKey
                return TLSClientOptions.ClientCertificate(
                    certificateFile: client.certificateFile,
                    privateKey: TLSClientOptions.PrivateKey(name: key.name) { key.reveal() })
            },
            minimumVersion: minimumVersion == .v1_3 ? .v1_3 : .v1_2,
            pinnedSPKISHA256: pinnedSPKISHA256)
    }
}
