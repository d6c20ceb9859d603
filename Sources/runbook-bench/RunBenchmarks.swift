import Foundation
import Synchronization

/// Whole-process benchmark: `runbook run hello-world demo test`, started from the package root (run
/// the bench there) with `posix_spawn` (Foundation's `Process` adds its own milliseconds), wall time per
/// run. Peak RSS is read by `/usr/bin/time` in one extra run: a child's own `ru_maxrss` would include the
/// bench's memory, which the child shares until it executes the program.
let runBenchmarks: [Benchmark] = [
    Benchmark(
        "run.hello-world.process", target: "≤ 15 ms", iterations: 21,
        notes: { ChildProcess.peakRSSNote(arguments: ChildProcess.helloWorld) }
    ) {
        guard FileManager.default.isExecutableFile(atPath: ChildProcess.runbookPath) else {
            throw BenchmarkSetupError("build the runbook executable first: swift build -c release")
        }
        return {
            let status = try ChildProcess.run([ChildProcess.runbookPath] + ChildProcess.helloWorld)
            guard status == 0 else {
                throw BenchmarkSetupError("runbook exited \(status); run the bench from the package root")
            }
        }
    },
]

/// A benchmark that cannot run, and why.
struct BenchmarkSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Spawning the runbook executable that sits next to the bench.
enum ChildProcess {
    static let helloWorld = ["run", "hello-world", "demo", "test"]

    static var runbookPath: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("runbook").path
    }

    /// Runs `arguments` (program first) with output discarded; returns the exit status.
    static func run(_ arguments: [String]) throws -> Int32 {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw BenchmarkSetupError("cannot start \(arguments[0]) (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    /// `peak RSS of a run: N MiB`, measured by `/usr/bin/time -f %M` (GNU time) when it is installed.
    static func peakRSSNote(arguments: [String]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            return "  peak RSS: install GNU time (/usr/bin/time) to measure it"
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-bench-rss-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        guard (try? run(["/usr/bin/time", "-f", "%M", "-o", report, runbookPath] + arguments)) == 0,
            let text = try? String(contentsOfFile: report, encoding: .utf8),
            let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
        else { return "  peak RSS: not measured (/usr/bin/time failed)" }
        return String(format: "  peak RSS of a run: %.1f MiB (target ≤ 30 MiB)", kilobytes / 1024)
    }
}
