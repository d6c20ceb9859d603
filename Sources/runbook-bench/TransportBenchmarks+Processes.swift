import Foundation

extension TransportComparison {
    /// `wrk` (Debian's) for 3 s on `connections` connections (one thread per 4): requests per second.
    func wrk(_ url: String, connections: Int) async throws -> Double {
        let output = try await runTool(["wrk", "-t\(max(1, connections / 4))", "-c\(connections)", "-d3s", url])
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
              let value = Double(line.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces))
        else { throw BenchmarkSetupError("wrk printed no Requests/sec (apt-get install wrk): \(output)") }
        return value
    }

    /// Runs a tool found on PATH and returns its standard output, without blocking a thread.
    func runTool(_ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let _: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Start-up with each transport linked: bench-get-socket and bench-get-ahc (beside this
    /// executable), one GET each, 21 alternating runs; median wall time.
    func startUp(url: String) async throws {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var samples: [String: [(ms: Double, kib: Int)]] = [:]
        for _ in 0..<21 {
            for name in ["bench-get-socket", "bench-get-ahc"] {
                samples[name, default: []].append(try spawnAndWait(folder.appendingPathComponent(name).path, [url]))
            }
        }
        for name in ["bench-get-socket", "bench-get-ahc"] {
            let runs = samples[name] ?? []
            // wait4's ru_maxrss of a posix_spawn child includes the parent's pages from before exec on
            // Linux, so it is not printed; bench/compare measures peak memory per process.
            print("  start-up \(name): \(String(format: "%.1f", BenchmarkClock.median(runs.map(\.ms)))) ms (median of \(runs.count))")
        }
    }

    /// `posix_spawn`, then `wait4`: wall time and peak resident set of one process.
    func spawnAndWait(_ path: String, _ arguments: [String]) throws -> (ms: Double, kib: Int) {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else { throw BenchmarkSetupError("cannot start \(path) (swift build -c release)") }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let took = ContinuousClock.now - started
        guard status == 0 else { throw BenchmarkSetupError("\(path) exited with status \(status)") }
        return (Double(took.components.seconds) * 1e3 + Double(took.components.attoseconds) / 1e15, usage.ru_maxrss)
    }
}
