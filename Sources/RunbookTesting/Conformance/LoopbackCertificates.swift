public import Foundation

/// A throw-away CA and the certificates it signed, made with the `openssl` command-line tool
/// (EC P-256 keys, valid 2 days) in a temporary folder: one for `IP:127.0.0.1`, one for
/// `DNS:other.example` (a host mismatch when a client connects to 127.0.0.1), a client
/// certificate for mutual TLS, and a self-signed client certificate no test server trusts.
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
    /// A client certificate (`extendedKeyUsage=clientAuth`) the CA issued, for mTLS.
    public var client: Identity
    /// A self-signed client certificate no test server trusts.
    public var strangerClient: Identity
    /// The base64 SHA-256 of the SubjectPublicKeyInfo of ``loopback`` (a pin that matches).
    public var loopbackPin: String

    private static let made = Task { try await make() }

    /// The certificates of this process, made on first use (about 0.1 s).
    /// - Throws: ``ConformanceFailure`` when the `openssl` tool is missing or fails.
    public static func shared() async throws -> LoopbackCertificates {
        try await made.value
    }

    /// Makes a new set, waiting for each `openssl` run on this thread: for a test suite's
    /// synchronous set-up (`static let`), where ``shared()`` cannot be awaited.
    /// - Throws: ``ConformanceFailure`` when the `openssl` tool is missing or fails.
    package static func makeBlocking() throws -> LoopbackCertificates {
        let recipe = try Recipe()
        for arguments in recipe.commands {
            let process = try opensslProcess(arguments)
            try process.run()
            process.waitUntilExit()
            try check(process.terminationStatus, arguments)
        }
        return try recipe.certificates()
    }

    private static func make() async throws -> LoopbackCertificates {
        let recipe = try Recipe()
        for arguments in recipe.commands {
            let process = try opensslProcess(arguments)
            // Waits for it without blocking a thread.
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
            try check(status, arguments)
        }
        return try recipe.certificates()
    }

    private static func opensslProcess(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    private static func check(_ status: Int32, _ arguments: [String]) throws {
        guard status == 0 else {
            throw ConformanceFailure("openssl \(arguments.first ?? "") exited with \(status) (apt-get install openssl)")
        }
    }

    /// The `openssl` runs that make a set in a new temporary folder (the extension files they
    /// read are written when it is made), and the set they leave there.
    private struct Recipe {
        let folder: URL
        var commands: [[String]] = []

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-loopback-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
            commands.append(["req", "-x509"] + newKey + [
                "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2", "-subj", "/CN=Runbook Loopback CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
            ])
            for (name, subjectAltName, usage) in [
                ("loopback", "IP:127.0.0.1", "serverAuth"), ("other-host", "DNS:other.example", "serverAuth"),
                ("client", "DNS:client.example", "clientAuth"),
            ] {
                commands.append(["req", "-new"] + newKey + ["-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=\(name)"])
                try Data("subjectAltName=\(subjectAltName)\nextendedKeyUsage=\(usage)\n".utf8)
                    .write(to: URL(fileURLWithPath: path("\(name).ext")))
                commands.append([
                    "x509", "-req", "-in", path("\(name).csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                    "-set_serial", "\(name.count)", "-days", "2", "-extfile", path("\(name).ext"), "-out", path("\(name).pem"),
                ])
            }
            commands.append(["req", "-x509"] + newKey + [
                "-keyout", path("stranger.key"), "-out", path("stranger.pem"), "-days", "2", "-subj", "/CN=stranger",
                "-addext", "extendedKeyUsage=clientAuth",
            ])
            commands.append(["x509", "-in", path("loopback.pem"), "-pubkey", "-noout", "-out", path("loopback.pub")])
            commands.append(["pkey", "-pubin", "-in", path("loopback.pub"), "-outform", "der", "-out", path("loopback.spki")])
            commands.append(["dgst", "-sha256", "-binary", "-out", path("loopback.sha256"), path("loopback.spki")])
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        func identity(_ name: String) -> Identity { Identity(certificate: path("\(name).pem"), key: path("\(name).key")) }

        /// The set, once every command has run.
        func certificates() throws -> LoopbackCertificates {
            LoopbackCertificates(
                caFile: path("ca.pem"), loopback: identity("loopback"), otherHost: identity("other-host"),
                client: identity("client"), strangerClient: identity("stranger"),
                loopbackPin: try Data(contentsOf: URL(fileURLWithPath: path("loopback.sha256"))).base64EncodedString())
        }
    }
}
