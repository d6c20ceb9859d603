import Foundation

// runbook-bench: performance targets as medians. `swift run -c release runbook-bench [filter]`
// runs every benchmark whose name contains the filter (single medians for development; the comparisons
// with anchors are `bench/compare`, docs/performance.md). Each area adds its benchmarks to the list.
let allBenchmarks: [Benchmark] =
    runBenchmarks + schemaBenchmarks + yamlBenchmarks + regexBenchmarks + httpBenchmarks + outputBenchmarks + fleetBenchmarks

let filter = CommandLine.arguments.dropFirst().first
print("benchmark".padding(toLength: 40, withPad: " ", startingAt: 0) + "median ms   target        runs")
for benchmark in allBenchmarks where filter.map({ benchmark.name.contains($0) }) ?? true {
    do {
        let work = try await benchmark.prepare()
        let samples = try await BenchmarkClock.measure(iterations: benchmark.iterations, work)
        let median = BenchmarkClock.median(samples)
        let name = benchmark.name.padding(toLength: 40, withPad: " ", startingAt: 0)
        let figure = String(format: "%9.2f", median)
        print("\(name)\(figure)   \(benchmark.target.padding(toLength: 12, withPad: " ", startingAt: 0))  \(benchmark.iterations)")
        if let notes = benchmark.notes() { print(notes) }
    } catch {
        print("\(benchmark.name): failed: \(error)")
    }
}
