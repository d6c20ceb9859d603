import Foundation
import Synchronization

/// A real `tinyproxy` (Debian package) on a free loopback port, from a generated config file in a
/// temp folder, in the foreground (`-d`), logging to a file the tests read. Ready when it says it
/// accepts connections (read from its output on a thread of its own, no sleeping); `stop()` ends it.
final class TinyproxyProcess: Sendable {
    let port: UInt16
    private let process: Process
    private let folder: URL

    /// The executable, or nil when it is not installed (`.ci/run` installs it).
    static var executable: String? { Tool.find("tinyproxy") }

    /// Whether a missing tinyproxy must fail the test (on CI) rather than skip it.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// `BasicAuth user password` lines, when the proxy wants credentials.
    init(executable: String, basicAuth: (user: String, password: String)? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tinyproxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let socket = try ListeningSocket.open()
        port = socket.port
        _ = close(socket.descriptor)
        var config = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 60
            LogFile "\(folder.appendingPathComponent("tinyproxy.log").path)"
            LogLevel Connect
            MaxClients 20
            Allow 127.0.0.1
            DisableViaHeader Yes

            """
        if let basicAuth { config += "BasicAuth \(basicAuth.user) \(basicAuth.password)\n" }
        let configFile = folder.appendingPathComponent("tinyproxy.conf")
        try Data(config.utf8).write(to: configFile)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-d", "-c", configFile.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let ready = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            Thread {
                var seen = ""
                while true {
                    let data = output.fileHandleForReading.availableData
                    if data.isEmpty { continuation.resume(returning: false); return }
                    seen += String(decoding: data, as: UTF8.self)
                    if seen.contains("Accepting connections") {
                        continuation.resume(returning: true)
                        // Keep draining so the proxy never blocks on a full pipe.
                        while !output.fileHandleForReading.availableData.isEmpty {}
                        return
                    }
                }
            }.start()
        }
        if !ready {
            stop()
            throw TinyproxyFailed()
        }
    }

    /// `http://127.0.0.1:port`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// The request lines tinyproxy logged (`GET http://127.0.0.1:8080/path HTTP/1.1`), in order.
    var loggedRequests: [String] {
        let log = (try? String(contentsOf: folder.appendingPathComponent("tinyproxy.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").compactMap { line in
            line.range(of: "): ").flatMap { line.contains("Request (file descriptor") ? String(line[$0.upperBound...]) : nil }
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    struct TinyproxyFailed: Error {}
}
