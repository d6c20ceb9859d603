import Foundation
import Testing

/// A throw-away CA and two server certificates it signed, made with the `openssl` command-line
/// tool once per test run (EC P-256 keys: about 0.1 s in all): one for `IP:127.0.0.1`, one for
/// `DNS:other.example` (a hostname mismatch when the client connects to 127.0.0.1).
struct TestCertificates: Sendable {
    /// A certificate and its private key (PEM file paths).
    struct Identity: Sendable {
        var certificate: String
        var key: String
    }

    /// The test CA's certificate (PEM).
    var caFile: String
    /// Issued for `IP:127.0.0.1`.
    var loopback: Identity
    /// Issued for `DNS:other.example`.
    var otherHost: Identity
    /// A client certificate (`extendedKeyUsage=clientAuth`) the test CA issued, for mTLS.
    var client: Identity
    /// A self-signed client certificate no test server trusts.
    var strangerClient: Identity
    /// The base64 SHA-256 of the SubjectPublicKeyInfo of ``loopback`` (a pin that matches).
    var loopbackPin: String

    /// Made on first use; nil when the `openssl` tool is missing or fails.
    static let shared: TestCertificates? = try? make()

    /// Why TLS tests are skipped when ``shared`` is nil.
    static let skipReason: Comment = "needs the openssl command-line tool to make test certificates (apt-get install openssl)"

    private static func make() throws -> TestCertificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + newKey + [
            "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2", "-subj", "/CN=Runbook Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
        ])
        func issue(_ name: String, subjectAltName: String, usage: String = "serverAuth") throws -> Identity {
            try openssl(["req", "-new"] + newKey + ["-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=\(name)"])
            try Data("subjectAltName=\(subjectAltName)\nextendedKeyUsage=\(usage)\n".utf8).write(to: URL(fileURLWithPath: path("\(name).ext")))
            try openssl([
                "x509", "-req", "-in", path("\(name).csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-set_serial", "\(name.count)", "-days", "2", "-extfile", path("\(name).ext"), "-out", path("\(name).pem"),
            ])
            return Identity(certificate: path("\(name).pem"), key: path("\(name).key"))
        }
        try openssl(["req", "-x509"] + newKey + [
            "-keyout", path("stranger.key"), "-out", path("stranger.pem"), "-days", "2", "-subj", "/CN=stranger",
            "-addext", "extendedKeyUsage=clientAuth",
        ])
        let loopback = try issue("loopback", subjectAltName: "IP:127.0.0.1")
        try openssl(["x509", "-in", loopback.certificate, "-pubkey", "-noout", "-out", path("loopback.pub")])
        try openssl(["pkey", "-pubin", "-in", path("loopback.pub"), "-outform", "der", "-out", path("loopback.spki")])
        try openssl(["dgst", "-sha256", "-binary", "-out", path("loopback.sha256"), path("loopback.spki")])
        return TestCertificates(
            caFile: path("ca.pem"), loopback: loopback,
            otherHost: try issue("other-host", subjectAltName: "DNS:other.example"),
            client: try issue("client", subjectAltName: "DNS:client.example", usage: "clientAuth"),
            strangerClient: Identity(certificate: path("stranger.pem"), key: path("stranger.key")),
            loopbackPin: try Data(contentsOf: URL(fileURLWithPath: path("loopback.sha256"))).base64EncodedString())
    }

    private struct ToolFailed: Error {}

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ToolFailed() }
    }
}
