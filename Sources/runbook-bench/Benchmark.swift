import Foundation

/// One named measurement. `run` performs the work once and returns nothing; the harness times it.
struct Benchmark: Sendable {
    /// Name shown in the report, e.g. `json.parse.23MB`.
    let name: String
    /// What the target is, e.g. `≤ 230 ms` (shown next to the median).
    let target: String
    /// How many timed runs (the median is reported).
    let iterations: Int
    /// Prepares and returns the work to time (preparation itself is not timed).
    let prepare: @Sendable () async throws -> @Sendable () async throws -> Void
    /// An extra line printed after the timing (e.g. peak memory), if any.
    let notes: @Sendable () -> String?

    init(
        _ name: String, target: String, iterations: Int = 5,
        notes: @escaping @Sendable () -> String? = { nil },
        prepare: @escaping @Sendable () async throws -> @Sendable () async throws -> Void
    ) {
        self.name = name
        self.target = target
        self.iterations = iterations
        self.notes = notes
        self.prepare = prepare
    }
}

/// Timing helpers shared by the benchmark files.
enum BenchmarkClock {
    /// Runs `body` `iterations` times and returns each wall time in milliseconds.
    static func measure(iterations: Int, _ body: @Sendable () async throws -> Void) async rethrows -> [Double] {
        var samples: [Double] = []
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            try await body()
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return samples
    }

    /// The median of samples.
    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Where generated inputs live: `RUNBOOK_BENCH_DIR` or `/tmp/runbook-bench`. The corpus is made by the
/// repository's own generator, `bench/config_corpus.py --records 50000 --out <dir>/corpus-50000` (the
/// folder bench/compare uses), when missing, with `bench/.venv`'s Python when `bench/compare` has set it
/// up, else with `python3` (which then needs PyYAML).
enum BenchmarkInputs {
    static var directory: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["RUNBOOK_BENCH_DIR"] ?? "/tmp/runbook-bench")
    }

    /// The package root: three folders above this source file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Makes sure the config corpus exists and returns its directory.
    static func configCorpus() throws -> URL {
        let dir = directory.appendingPathComponent("corpus-50000")
        let marker = dir.appendingPathComponent("org-config-50000.json")
        if FileManager.default.fileExists(atPath: marker.path) { return dir }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bench = packageRoot.appendingPathComponent("bench")
        let venvPython = bench.appendingPathComponent(".venv/bin/python").path
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: venvPython) {
            process.executableURL = URL(fileURLWithPath: venvPython)
            process.arguments = []
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"]
        }
        process.arguments! += [bench.appendingPathComponent("config_corpus.py").path, "--records", "50000", "--out", dir.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkSetupError("bench/config_corpus.py failed (exit \(process.terminationStatus)); it needs PyYAML: run bench/compare --quick once")
        }
        return dir
    }
}
