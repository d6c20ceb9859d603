import COpenSSL
import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Testing

/// TLS settings from an API's `tls` section, against the in-process TLS test server: a private
/// CA, client certificates (accepted, missing, unknown), a minimum version, certificate pins; and
/// the errors for bad settings.
@Suite("TLS settings", .enabled(if: TestCertificates.shared != nil, TestCertificates.skipReason))
struct TLSSettingsTests {
    let certificates = TestCertificates.shared!

    func transport(_ section: APITLSSettings, secrets: [String: Secret] = [:]) throws -> DefaultHTTPTransport {
        let api = APISettings(tls: section)
        let settings = try HTTPTransportSettings.resolve(api: api, apiName: nil, global: api, environment: [:], secrets: secrets)
        return DefaultHTTPTransport(settings: settings)
    }

    func get(_ transport: some HTTPTransport, _ server: TLSLoopbackServer) async throws -> HTTPTransportResponse {
        try await transport.send(HTTPRequest(method: .get, url: URL(string: "https://127.0.0.1:\(server.port)/tls")!),
                                 body: nil, timeout: .seconds(10))
    }

    func failure(_ transport: some HTTPTransport, _ server: TLSLoopbackServer) async -> HTTPTransportError? {
        do {
            _ = try await get(transport, server)
            return nil
        } catch {
            return error as? HTTPTransportError
        }
    }

    var clientKey: Secret {
        Secret(name: "tls-client-key", value: (try? String(contentsOfFile: certificates.client.key, encoding: .utf8)) ?? "")
    }

    @Test("tls.ca-file trusts a private CA (without it the same server is rejected)")
    func privateCA() async throws {
        let server = try TLSLoopbackServer(certificates.loopback) { _ in (200, "{}") }
        defer { server.stop() }
        #expect(try await get(try transport(APITLSSettings(caFile: certificates.caFile)), server).status.code == 200)
        #expect(await failure(try transport(APITLSSettings()), server)?.kind == .tlsFailed)
    }

    @Test("mTLS: the right client certificate is accepted; a missing or unknown one is rejected with a clear message")
    func clientCertificates() async throws {
        let server = try TLSLoopbackServer(certificates.loopback, requiringClientCertificateFrom: certificates.caFile) { _ in (200, "{}") }
        defer { server.stop() }
        let accepted = try transport(
            APITLSSettings(caFile: certificates.caFile, clientCertificateFile: certificates.client.certificate),
            secrets: ["tls-client-key": clientKey])
        #expect(try await get(accepted, server).status.code == 200)

        let none = await failure(try transport(APITLSSettings(caFile: certificates.caFile)), server)
        #expect(none?.kind == .tlsFailed)
        #expect(none?.message.contains("127.0.0.1 requires a TLS client certificate and none is configured") == true, "\(String(describing: none))")

        let strangerKey = Secret(name: "tls-client-key", value: try String(contentsOfFile: certificates.strangerClient.key, encoding: .utf8))
        let stranger = await failure(try transport(
            APITLSSettings(caFile: certificates.caFile, clientCertificateFile: certificates.strangerClient.certificate),
            secrets: ["tls-client-key": strangerKey]), server)
        #expect(stranger?.kind == .tlsFailed)
        #expect(stranger?.message.contains("127.0.0.1 rejected the TLS client certificate \(certificates.strangerClient.certificate)") == true,
                "\(String(describing: stranger))")

        // Through the client, the rejection is a HelpfulError whose problem says it.
        let client = makeClient(try transport(APITLSSettings(caFile: certificates.caFile)), behavior: .retries(0),
                                base: "https://127.0.0.1:\(server.port)/")
        let error = try #require(await httpError { _ = try await client.get("tls") })
        #expect(error.helpfulError.problem.contains("requires a TLS client certificate and none is configured"))
    }

    @Test("a client key that does not belong to the certificate fails before anything is sent")
    func mismatchedKey() async throws {
        let server = try TLSLoopbackServer(certificates.loopback) { _ in (200, "{}") }
        defer { server.stop() }
        let strangerKey = Secret(name: "tls-client-key", value: try String(contentsOfFile: certificates.strangerClient.key, encoding: .utf8))
        let error = await failure(try transport(
            APITLSSettings(caFile: certificates.caFile, clientCertificateFile: certificates.client.certificate),
            secrets: ["tls-client-key": strangerKey]), server)
        #expect(error?.message.contains("does not belong to the client certificate") == true)
        #expect(server.handshakes == 0)
    }

    @Test("tls.minimum-version 1.3 against a server that speaks only TLS 1.2 fails clearly; 1.2 works")
    func minimumVersion() async throws {
        let server = try TLSLoopbackServer(certificates.loopback, maximumVersion: TLS1_2_VERSION) { request in
            (200, #"{"tls":"\#(request.tlsVersion)"}"#)
        }
        defer { server.stop() }
        let old = try await get(try transport(APITLSSettings(caFile: certificates.caFile)), server)
        #expect(String(decoding: old.body, as: UTF8.self).contains("TLSv1.2"))
        let error = await failure(try transport(APITLSSettings(caFile: certificates.caFile, minimumVersion: "1.3")), server)
        #expect(error?.kind == .tlsFailed)
        #expect(error?.message.contains("no common TLS version") == true, "\(String(describing: error))")
        #expect(error?.message.contains("tls.minimum-version is 1.3") == true)
    }

    @Test("certificate pinning: the server key's pin passes, a wrong pin fails and names the key it saw")
    func pins() async throws {
        let server = try TLSLoopbackServer(certificates.loopback) { _ in (200, "{}") }
        defer { server.stop() }
        let right = try transport(APITLSSettings(caFile: certificates.caFile, pinnedSPKISHA256: [certificates.loopbackPin]))
        #expect(try await get(right, server).status.code == 200)
        let wrongPin = Data(repeating: 7, count: 32).base64EncodedString()
        let error = await failure(try transport(APITLSSettings(caFile: certificates.caFile, pinnedSPKISHA256: [wrongPin])), server)
        #expect(error?.kind == .tlsFailed)
        #expect(error?.message.contains("has none of the pinned keys (tls.pinned-spki-sha256)") == true)
        #expect(error?.message.contains(certificates.loopbackPin) == true)
    }

    @Test("bad tls settings are HelpfulErrors at their key path, exit 78")
    func errors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-tls-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notPEM = folder.appendingPathComponent("not.pem").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: notPEM))
        func failure(_ section: APITLSSettings, secrets: [String: Secret] = [:]) -> HelpfulError? {
            let api = APISettings(tls: section)
            do {
                _ = try HTTPTransportSettings.resolve(api: api, apiName: "erp", global: APISettings(), environment: [:], secrets: secrets)
                return nil
            } catch {
                return error
            }
        }
        let cases: [(APITLSSettings, [String: Secret], String, String)] = [
            (APITLSSettings(caFile: folder.appendingPathComponent("missing.pem").path), [:], "apis.erp.tls.ca-file", "cannot be read"),
            (APITLSSettings(caFile: notPEM), [:], "apis.erp.tls.ca-file", "holds no PEM certificate"),
            (APITLSSettings(clientCertificateFile: notPEM), [:], "apis.erp.tls.client-certificate-file", "holds no PEM certificate"),
            (APITLSSettings(clientCertificateFile: certificates.client.certificate), [:], "apis.erp.tls.client-key-secret",
             "the secret tls-client-key with its private key is missing"),
            (APITLSSettings(clientCertificateFile: certificates.client.certificate),
             ["tls-client-key": Secret(name: "tls-client-key", value: "not a key")], "apis.erp.tls.client-key-secret",
             "is not an unencrypted PEM private key"),
            (APITLSSettings(minimumVersion: "1.1"), [:], "apis.erp.tls.minimum-version", "not a TLS version"),
            (APITLSSettings(pinnedSPKISHA256: ["abc"]), [:], "apis.erp.tls.pinned-spki-sha256", "not a base64 SHA-256 digest"),
        ]
        for (section, secrets, keyPath, text) in cases {
            let error = failure(section, secrets: secrets)
            #expect(error?.location?.keyPath == keyPath)
            #expect(error?.problem.contains(text) == true, "\(String(describing: error?.problem))")
            #expect(error?.exitCode == .configuration)
        }
        // The per-API key secret is found first.
        let named = failure(APITLSSettings(clientCertificateFile: certificates.client.certificate),
                            secrets: ["erp-tls-client-key": Secret(name: "erp-tls-client-key", value: clientKey.reveal())])
        #expect(named == nil)
    }
}
