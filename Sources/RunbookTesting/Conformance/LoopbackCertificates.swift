public import Foundation

/// A throw-away CA and two server certificates it signed, made with the `openssl` command-line tool
/// (EC P-256 keys, valid 2 days) in a temporary folder: one for `IP:127.0.0.1`, one for
/// `DNS:other.example` (a host mismatch when a client connects to 127.0.0.1).
///
/// ```swift
/// let certificates = try await LoopbackCertificates.shared()
/// let transport = SocketHTTPTransport(trustedCAFile: certificates.caFile)
/// ```
public struct LoopbackCertificates: Sendable {
    /// A certificate and its private key (PEM file paths).
    public struct Identity: Sendable {
        /// The certificate (PEM).
        public var certificate: String
        /// Its private key (PEM).
        public var key: String
    }

    /// The CA's certificate (PEM): the file a transport trusts.
    public var caFile: String
    /// Issued for `IP:127.0.0.1`.
    public var loopback: Identity
    /// Issued for `DNS:other.example`.
    public var otherHost: Identity

    private static let made = Task { try await make() }

    /// The certificates of this process, made on first use (about 0.1 s).
    /// - Throws: ``ConformanceFailure`` when the `openssl` tool is missing or fails.
    public static func shared() async throws -> LoopbackCertificates {
        try await made.value
    }

    private static func make() async throws -> LoopbackCertificates {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-conformance-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await openssl(["req", "-x509"] + newKey + [
            "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2", "-subj", "/CN=Runbook Conformance CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
        ])
        func issue(_ name: String, subjectAltName: String) async throws -> Identity {
            try await openssl(["req", "-new"] + newKey + ["-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=\(name)"])
            try Data("subjectAltName=\(subjectAltName)\nextendedKeyUsage=serverAuth\n".utf8).write(to: URL(fileURLWithPath: path("\(name).ext")))
            try await openssl([
                "x509", "-req", "-in", path("\(name).csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-set_serial", "\(name.count)", "-days", "2", "-extfile", path("\(name).ext"), "-out", path("\(name).pem"),
            ])
            return Identity(certificate: path("\(name).pem"), key: path("\(name).key"))
        }
        return LoopbackCertificates(
            caFile: path("ca.pem"), loopback: try await issue("loopback", subjectAltName: "IP:127.0.0.1"),
            otherHost: try await issue("other-host", subjectAltName: "DNS:other.example"))
    }

    /// Runs `openssl` and waits for it without blocking a thread.
    private static func openssl(_ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard status == 0 else {
            throw ConformanceFailure("openssl \(arguments.first ?? "") exited with \(status) (apt-get install openssl)")
        }
    }
}
