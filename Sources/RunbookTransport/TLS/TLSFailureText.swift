import COpenSSL
import Foundation

/// The TLS failures a setting causes, said in terms of the setting: a rejected or missing client
/// certificate (`tls.client-certificate-file`), a server older than `tls.minimum-version`, a pin
/// that does not match (`tls.pinned-spki-sha256`).
package enum TLSFailureText {
    /// The alerts a server sends when it does not accept the client's certificate (or got none).
    private static let clientCertificateAlerts = [
        "alert certificate required", "alert bad certificate", "alert unknown ca", "alert certificate unknown",
        "alert certificate revoked", "alert certificate expired", "alert access denied",
    ]

    /// A failed handshake, explained when a setting is the likely cause.
    package static func handshakeFailed(host: String, reason: String, settings: TLSClientOptions) -> HTTPTransportError {
        if let rejected = clientCertificateRejected(host: host, reason: reason, settings: settings) { return rejected }
        if reason.contains("protocol version") || reason.contains("unsupported protocol") || reason.contains("no protocols available") {
            return HTTPTransportError(
                .tlsFailed, "TLS handshake with \(host) failed: no common TLS version (\(reason)); tls.minimum-version is "
                    + "\(settings.minimumVersion.rawValue), the server may offer only older versions")
        }
        return HTTPTransportError(.tlsFailed, "TLS handshake with \(host) failed: \(reason)")
    }

    /// The server's alert about the client certificate, or nil when `reason` is another failure.
    package static func clientCertificateRejected(host: String, reason: String, settings: TLSClientOptions) -> HTTPTransportError? {
        guard clientCertificateAlerts.contains(where: reason.contains) else { return nil }
        guard let client = settings.clientCertificate else {
            return HTTPTransportError(
                .tlsFailed, "\(host) requires a TLS client certificate and none is configured (\(reason)); "
                    + "set tls.client-certificate-file and the tls-client-key secret")
        }
        return HTTPTransportError(
            .tlsFailed, "\(host) rejected the TLS client certificate \(client.certificateFile) (\(reason)); "
                + "check that the server trusts its issuer and that it has not expired")
    }
}

extension TLSSession {
    /// With pins, whether the server's certificate or one in its verified chain has one of the
    /// pinned keys (base64 SHA-256 of the SubjectPublicKeyInfo); throws ``HTTPTransportError/Kind/tlsFailed`` if not.
    package func checkPins(_ pins: [String]) throws {
        guard !pins.isEmpty else { return }
        var seen: [String] = []
        var digest = [UInt8](repeating: 0, count: 32)
        var index: Int32 = 0
        while runbook_SSL_chain_spki_sha256(ssl, index, &digest) == 1 {
            let pin = Data(digest).base64EncodedString()
            if pins.contains(pin) { return }
            seen.append(pin)
            index += 1
        }
        throw HTTPTransportError(
            .tlsFailed, "the certificate of \(host) has none of the pinned keys (tls.pinned-spki-sha256); "
                + "its chain has \(seen.isEmpty ? "no readable key" : seen.joined(separator: ", "))")
    }
}
