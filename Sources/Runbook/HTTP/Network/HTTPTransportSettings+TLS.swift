import Foundation
import RunbookTransport

extension HTTPTransportSettings {
    /// The `tls` section resolved: files checked (readable, PEM with what they should hold), the
    /// client key taken from the secrets, the version and pins parsed.
    static func tlsSettings(
        _ section: APITLSSettings, keyPath: String, apiName: String?, secrets: [String: Secret]
    ) throws(HelpfulError) -> TLSSettings {
        var settings = TLSSettings()
        if let file = section.caFile {
            try checkCertificates(file, keyPath: "\(keyPath).ca-file", what: "CA certificates")
            settings.trustedCAFile = file
        }
        guard let version = TLSVersion(rawValue: section.minimumVersion) else {
            throw badSetting("\(keyPath).minimum-version is \"\(section.minimumVersion)\", not a TLS version Runbook knows",
                             solution: "Use \"1.2\" or \"1.3\"", example: "minimum-version: \"1.3\"",
                             keyPath: "\(keyPath).minimum-version")
        }
        settings.minimumVersion = version
        for pin in section.pinnedSPKISHA256 where Data(base64Encoded: pin)?.count != 32 {
            throw badSetting("\(keyPath).pinned-spki-sha256 has \"\(pin)\", which is not a base64 SHA-256 digest",
                             solution: "Give the base64 SHA-256 of the certificate's SubjectPublicKeyInfo (44 characters)",
                             example: "openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64",
                             keyPath: "\(keyPath).pinned-spki-sha256")
        }
        settings.pinnedSPKISHA256 = section.pinnedSPKISHA256
        if let file = section.clientCertificateFile {
            try checkCertificates(file, keyPath: "\(keyPath).client-certificate-file", what: "a client certificate")
            let name = section.clientKeySecret ?? "tls-client-key"
            let key = section.clientKeySecret != nil
                ? secrets[name].flatMap { $0.isEmpty ? nil : $0 }
                : AccessTokenConfiguration.secret(name, apiName: apiName, in: secrets)
            guard let key else {
                throw HelpfulError(
                    code: .secretClientKeyMissing,
                    problem: "\(keyPath).client-certificate-file is set but the secret \(name) with its private key is missing",
                    solution: "Add the key's PEM text to the secrets as \(name)",
                    example: "secrets file:\n  \(name): |\n    -----BEGIN PRIVATE KEY-----\n    …",
                    location: ErrorLocation(keyPath: "\(keyPath).client-key-secret"), exitCode: .configuration)
            }
            guard TLSPEM.isPrivateKey(key.reveal()) else {
                throw HelpfulError(
                    code: .secretClientKeyNotPEM,
                    problem: "The secret \(name) is not an unencrypted PEM private key",
                    solution: "Store the key as PEM text (-----BEGIN PRIVATE KEY----- …), without a passphrase",
                    example: "openssl pkey -in encrypted.key -out key.pem",
                    location: ErrorLocation(keyPath: "\(keyPath).client-key-secret"), exitCode: .configuration)
            }
            settings.clientCertificate = TLSClientCertificate(certificateFile: file, privateKey: key)
        }
        return settings
    }

    private static func checkCertificates(_ file: String, keyPath: String, what: String) throws(HelpfulError) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw badSetting("\(keyPath) \(file) cannot be read", solution: "Give the path of a readable PEM file with \(what) "
                             + "(relative paths start at the directory runbook runs in)",
                             example: "\(keyPath.split(separator: ".").last ?? ""): certs/private-ca.pem", keyPath: keyPath)
        }
        guard TLSPEM.certificateCount(data) > 0 else {
            throw badSetting("\(keyPath) \(file) holds no PEM certificate", solution: "Give a PEM file with \(what) "
                             + "(-----BEGIN CERTIFICATE----- …); convert DER with openssl x509 -inform der",
                             example: "openssl x509 -inform der -in ca.cer -out ca.pem", keyPath: keyPath)
        }
    }
}
