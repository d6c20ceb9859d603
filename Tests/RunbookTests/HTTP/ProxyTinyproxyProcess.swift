import Foundation
import RunbookTesting
import Synchronization

/// A real `tinyproxy` (Debian package) on a free loopback port, from a generated config file in a
/// temp folder, in the foreground (`-d`, logging to its standard output, which a thread of its
/// own reads). Ready when it says it accepts connections (no sleeping); `stop()` kills it.
final class TinyproxyProcess: Sendable {
    let port: UInt16
    private let process: Process
    private let folder: URL
    private final class LogBox: Sendable {
        let state = Mutex(Log())
    }
    private struct Log {
        var text = ""
        var waiters: [(predicate: @Sendable (String) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
        var ended = false
    }
    private let box = LogBox()

    /// The executable, or nil when it is not installed (`.ci/run` installs it).
    static var executable: String? { Tool.find("tinyproxy") }

    /// Whether a missing tinyproxy must fail the test (on CI) rather than skip it.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// `BasicAuth user password` lines, when the proxy wants credentials.
    init(executable: String, basicAuth: (user: String, password: String)? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tinyproxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let socket = try LoopbackListeningSocket.open()
        port = socket.port
        _ = close(socket.descriptor)
        var config = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 60
            LogLevel Info
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
        let box = box
        Thread {
            while true {
                let data = output.fileHandleForReading.availableData
                let resumed = box.state.withLock { log -> [(CheckedContinuation<Bool, Never>, Bool)] in
                    log.text += String(decoding: data, as: UTF8.self)
                    if data.isEmpty { log.ended = true }
                    var resumed: [(CheckedContinuation<Bool, Never>, Bool)] = []
                    var waiting: [(predicate: @Sendable (String) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
                    for waiter in log.waiters {
                        if waiter.predicate(log.text) {
                            resumed.append((waiter.continuation, true))
                        } else if data.isEmpty {
                            resumed.append((waiter.continuation, false))
                        } else {
                            waiting.append(waiter)
                        }
                    }
                    log.waiters = waiting
                    return resumed
                }
                for (continuation, value) in resumed { continuation.resume(returning: value) }
                if data.isEmpty { return }
            }
        }.start()
        let ready = await waitForLog { $0.contains("Accepting connections") }
        if !ready {
            stop()
            throw TinyproxyFailed()
        }
    }

    /// `http://127.0.0.1:port`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Waits until the log satisfies `predicate`; false when tinyproxy ended first.
    func waitForLog(_ predicate: @escaping @Sendable (String) -> Bool) async -> Bool {
        await withCheckedContinuation { continuation in
            let now = box.state.withLock { log -> Bool? in
                if predicate(log.text) { return true }
                if log.ended { return false }
                log.waiters.append((predicate, continuation))
                return nil
            }
            if let now { continuation.resume(returning: now) }
        }
    }

    /// Waits until tinyproxy logged a request line containing `text`; false when it ended first.
    func waitForRequest(containing text: String) async -> Bool {
        await waitForLog { log in Self.requests(in: log).contains { $0.contains(text) } }
    }

    /// The request lines tinyproxy logged (`GET http://127.0.0.1:8080/path HTTP/1.1`), in order.
    var loggedRequests: [String] { Self.requests(in: box.state.withLock { $0.text }) }

    private static func requests(in log: String) -> [String] {
        log.split(separator: "\n").compactMap { line in
            line.range(of: "): ").flatMap { line.contains("Request (file descriptor") ? String(line[$0.upperBound...]) : nil }
        }
    }

    func stop() {
        // tinyproxy in the foreground does not always end on SIGTERM.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    struct TinyproxyFailed: Error {}
}
