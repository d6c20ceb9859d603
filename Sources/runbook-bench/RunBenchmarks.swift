import Foundation
import Synchronization

/// Whole-process benchmark: `runbook run hello-world demo test`, started as a child process from the
/// package root (run the bench from there), wall time per run and the largest child's peak RSS.
let runBenchmarks: [Benchmark] = [
    Benchmark(
        "run.hello-world.process", target: "≤ 15 ms", iterations: 21,
        notes: { "  peak RSS of a run: \(ChildProcessMemory.peakMiB()) MiB (target ≤ 30 MiB)" }
    ) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("runbook")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchmarkSetupError("build the runbook executable first: swift build -c release")
        }
        return {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", "hello-world", "demo", "test"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw BenchmarkSetupError("runbook exited \(process.terminationStatus); run the bench from the package root")
            }
        }
    },
]

/// A benchmark that cannot run, and why.
struct BenchmarkSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The peak resident set size of the largest child process so far.
enum ChildProcessMemory {
    static func peakMiB() -> String {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
    }
}
