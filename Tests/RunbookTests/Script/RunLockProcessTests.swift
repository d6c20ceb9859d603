import Foundation
import RunbookTesting
import LoopbackHTTPServer
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The run lock between real processes: a `runbook run invoice-export acme prod` waits on an API
/// that does not answer (the lock is held), a second one exits 75 naming the first; after
/// `kill -9` of the first, a third one takes the lock over and finishes.
@Suite struct RunLockProcessTests {
    /// A process that ended: how, and what it printed.
    struct Ended {
        let status: Int32
        let reason: Process.TerminationReason
        /// Its standard output and error, together.
        let stderr: String
    }

    /// The `runbook` executable, built beside the test bundle.
    static func runbook() throws -> URL {
        try BuiltExecutable.url(named: "runbook")
    }

    /// Starts `runbook <arguments>` in `root`; `ended` is called (off the cooperative pool) when it ends.
    static func start(_ arguments: [String], in root: URL, ended: @escaping @Sendable (Ended) -> Void) throws -> Process {
        let process = Process()
        process.executableURL = try runbook()
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-lock-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let output = try FileHandle(forWritingTo: errors)
        process.standardError = output
        process.standardOutput = output
        process.terminationHandler = { process in
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: errors)
            ended(Ended(status: process.terminationStatus, reason: process.terminationReason, stderr: text))
        }
        try process.run()
        return process
    }

    /// Runs `runbook <arguments>` in `root` to its end without blocking the cooperative pool.
    static func run(_ arguments: [String], in root: URL) async throws -> Ended {
        try await withCheckedThrowingContinuation { continuation in
            do {
                _ = try start(arguments, in: root) { continuation.resume(returning: $0) }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aSecondRunGets75UntilTheFirstIsKilled() async throws {
        let root = try RunFilesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: root) }
        // What happens, in order: the holder's request reached the API, the holder ended.
        let (events, event) = AsyncStream<String>.makeStream()
        // The API: the first request never gets an answer (the run waits, holding its lock) until
        // the test ends; every later one gets an empty collection.
        let release = DispatchSemaphore(value: 0)
        let requests = Mutex(0)
        let server = LoopbackHTTPServer()
        server.route("GET", "/api/invoices") { _ in
            let number = requests.withLock { count -> Int in
                count += 1
                return count
            }
            guard number == 1 else { return .json(200, #"{"value":[]}"#) }
            event.yield("request")
            release.wait()
            return .json(200, #"{"value":[]}"#)
        }
        try server.start()
        defer {
            release.signal()
            server.stop()
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try """
            global:
              api-base-url: \(server.baseURL.absoluteString)api/
            script-behavior:
              api-timeouts:
                rest-timeout-seconds: 3600
              retry-strategy:
                max-retries: 0

            """.write(to: root.appendingPathComponent("config/acme-prod-config.yaml"), atomically: true, encoding: .utf8)
        let arguments = ["run", "invoice-export", "acme", "prod"]

        // 1. The holder: once its first request is in the server, it holds the lock.
        let holderEnd = Mutex<Ended?>(nil)
        let holder = try Self.start(arguments, in: root) { ended in
            holderEnd.withLock { $0 = ended }
            event.yield("ended")
        }
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        var iterator = events.makeAsyncIterator()
        let first = await iterator.next()
        try #require(first == "request", "the holder ended first: \(holderEnd.withLock { $0?.stderr ?? "" })")
        let pid = holder.processIdentifier

        // 2. A second run of the same script/org/env: exit 75, the owner named.
        let second = try await Self.run(arguments, in: root)
        #expect(second.status == 75, "\(second.stderr)")
        #expect(second.stderr.contains("Another run of invoice-export for acme/prod is still going: run "), "\(second.stderr)")
        #expect(second.stderr.contains("(pid \(pid) on "), "\(second.stderr)")
        #expect(second.stderr.contains("tmp/locks/invoice-export_acme-prod.lock"), "\(second.stderr)")
        #expect(requests.withLock { $0 } == 1, "the refused run sent nothing")

        // 3. kill -9 of the holder; the next run takes its lock over and finishes.
        kill(pid, SIGKILL)
        #expect(await iterator.next() == "ended")
        let killed = try #require(holderEnd.withLock { $0 })
        #expect(killed.reason == .uncaughtSignal && killed.status == SIGKILL)
        let third = try await Self.run(arguments, in: root)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stderr.contains("Took over the run lock tmp/locks/invoice-export_acme-prod.lock of run "), "\(third.stderr)")
        #expect(third.stderr.contains("(pid \(pid) on "), "\(third.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("tmp/locks/invoice-export_acme-prod.lock").path))
    }
}
