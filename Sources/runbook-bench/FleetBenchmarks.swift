import Foundation

/// `runbook fleet` against single runs: a fleet of 200 `hello-world` targets with `--max-parallel 2`
/// and 200 single `runbook run hello-world` one after the other, divided by 2, measured in the same
/// bench run (the target: the fleet within 1.25× of that); then the coordinator's peak RSS at
/// 200 and 2,000 targets (`/usr/bin/time`: it should stay flat). Projects are made under
/// `BenchmarkInputs.directory/fleet-<n>`, from the repository's `config/demo-test-config.yaml` and `data/`.
let fleetBenchmarks: [Benchmark] = [
    Benchmark("fleet.hello-world.200.max-parallel-2", target: "≤ 1.25×", iterations: 1, notes: { FleetBench.notes() }) {
        let root = try FleetBench.project(targets: 200)
        return {
            let status = try ChildProcess.run(FleetBench.fleet(root, parallel: 2))
            guard status == 0 else { throw BenchmarkSetupError("runbook fleet exited \(status)") }
        }
    },
]

enum FleetBench {
    /// A project with `targets` copies of the demo configuration (`org<i>-test`) and a targets file.
    static func project(targets: Int) throws -> URL {
        let root = BenchmarkInputs.directory.appendingPathComponent("fleet-\(targets)")
        let manager = FileManager.default
        let repository = URL(fileURLWithPath: manager.currentDirectoryPath)
        try? manager.removeItem(at: root)
        try manager.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try manager.copyItem(at: repository.appendingPathComponent("schemas/org-env-config.schema.json"),
                             to: root.appendingPathComponent("schemas/org-env-config.schema.json"))
        try manager.copyItem(at: repository.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
        let config = try Data(contentsOf: repository.appendingPathComponent("config/demo-test-config.yaml"))
        var text = "targets:\n"
        for index in 0..<targets {
            try config.write(to: root.appendingPathComponent("config/org\(index)-test-config.yaml"))
            text += "  - { org: org\(index), env: test }\n"
        }
        try Data(text.utf8).write(to: root.appendingPathComponent("targets.yaml"))
        return root
    }

    static func fleet(_ root: URL, parallel: Int) -> [String] {
        [ChildProcess.runbookPath, "fleet", "hello-world", "--targets", root.appendingPathComponent("targets.yaml").path,
         "--max-parallel", String(parallel), "--project-root", root.path]
    }

    /// The fleet and the single runs timed one after the other, the ratio, and the peak RSS figures.
    static func notes() -> String? {
        do {
            let root = try project(targets: 200)
            let fleetSeconds = try seconds { _ = try ChildProcess.run(fleet(root, parallel: 2)) }
            let singleSeconds = try seconds {
                for index in 0..<200 {
                    _ = try ChildProcess.run([ChildProcess.runbookPath, "run", "hello-world", "org\(index)", "test",
                                              "--project-root", root.path])
                }
            }
            var lines = [String(format: "  fleet of 200 (max-parallel 2): %.2f s; 200 single runs: %.2f s, / 2 = %.2f s; ratio %.2f (target ≤ 1.25)",
                                fleetSeconds, singleSeconds, singleSeconds / 2, fleetSeconds / (singleSeconds / 2))]
            for count in [200, 2_000] {
                let big = try project(targets: count)
                lines.append("  coordinator peak RSS at \(count) targets: " + (peakRSS(fleet(big, parallel: 2)) ?? "not measured"))
            }
            return lines.joined(separator: "\n")
        } catch {
            return "  fleet comparison failed: \(error)"
        }
    }

    private static func seconds(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// `/usr/bin/time -f %M` of the coordinator alone (children are separate processes: not counted).
    private static func peakRSS(_ arguments: [String]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-bench-fleet-rss-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        // Any exit code: the figure is the coordinator's memory, whatever its targets did.
        guard (try? ChildProcess.run(["/usr/bin/time", "-f", "%M", "-o", report] + arguments)) != nil,
              let text = try? String(contentsOfFile: report, encoding: .utf8),
              let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
        else { return nil }
        return String(format: "%.1f MiB", kilobytes / 1024)
    }
}
