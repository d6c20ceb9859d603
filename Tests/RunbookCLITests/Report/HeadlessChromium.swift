import Foundation
import RunbookTesting
#if canImport(Glibc)
import Glibc
#endif

/// Debian's Chromium, run headless for the report's browser test: `--dump-dom` for the rendered
/// DOM, `--screenshot` for a PNG. Each run gets a profile folder of its own; the process is waited
/// for with its termination handler (never blocking the cooperative pool) and, as a guard against
/// a hang, terminated after `watchdog` (generous: Chromium starts slowly on a busy machine; no
/// test asserts on how long it took).
struct HeadlessChromium {
    let executable: URL
    var watchdog: TimeInterval = 300

    /// `chromium` (or `chromium-browser`) on `PATH`, nil when neither is installed.
    static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> HeadlessChromium? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return HeadlessChromium(executable: url) }
            }
        }
        return nil
    }

    /// Whether CI runs this (`CI` is set): then a missing Chromium fails the test instead of skipping it.
    static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// The DOM of `page` after loading it, serialized.
    func dumpDOM(_ page: URL) async throws -> String {
        let result = try await run(["--dump-dom", page.absoluteString])
        guard result.status == 0 else { throw Failure(description: "chromium --dump-dom exited \(result.status): \(result.errors)") }
        return result.output
    }

    /// A PNG of `page` at `width`×`height` in `file`.
    func screenshot(_ page: URL, to file: URL, width: Int = 1280, height: Int = 1500) async throws {
        let result = try await run(["--screenshot=\(file.path)", "--window-size=\(width),\(height)", page.absoluteString])
        guard result.status == 0 else { throw Failure(description: "chromium --screenshot exited \(result.status): \(result.errors)") }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private func run(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
        ] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + watchdog) { [process] in
                if process.isRunning { process.terminate() }
            }
        }
        return (status, (try? String(contentsOf: out, encoding: .utf8)) ?? "", (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
