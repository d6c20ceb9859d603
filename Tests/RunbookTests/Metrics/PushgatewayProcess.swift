import Foundation
import RunbookTesting
import Synchronization

/// A real `prometheus-pushgateway` (Debian package) on a free loopback port, with its own
/// persistence file in a temp folder. Ready when it has logged that it listens (read from its
/// output on a thread of its own, no sleeping); `stop()` kills it.
final class PushgatewayProcess: Sendable {
    let port: UInt16
    private let process: Process
    private let folder: URL

    /// The executable, or nil when it is not installed (`.ci/run` installs it).
    static var executable: String? { Tool.find("prometheus-pushgateway") }

    init(executable: String) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pushgateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let socket = try LoopbackListeningSocket.open()
        port = socket.port
        _ = close(socket.descriptor)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--web.listen-address=127.0.0.1:\(port)",
                             "--persistence.file=\(folder.appendingPathComponent("metrics.store").path)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let port = port
        let listening = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let thread = Thread {
                var seen = ""
                while true {
                    let data = output.fileHandleForReading.availableData
                    if data.isEmpty { continuation.resume(returning: false); return }
                    seen += String(decoding: data, as: UTF8.self)
                    if seen.contains("Listening on") && seen.contains("\(port)") {
                        continuation.resume(returning: true)
                        // Keep draining so the gateway never blocks on a full pipe.
                        while !output.fileHandleForReading.availableData.isEmpty {}
                        return
                    }
                }
            }
            thread.start()
        }
        if !listening {
            stop()
            throw GatewayFailed()
        }
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    struct GatewayFailed: Error {}
}

/// Finds a tool on PATH (or in /usr/bin, /usr/local/bin).
enum Tool {
    static func find(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/local/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool` with `arguments`; returns its exit status and output.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
