// bench-probe: the Swift side of `bench/compare` (docs/performance.md), one measurement per process,
// linked like `runbook` (the Swift runtime and Foundation statically, no FoundationNetworking), so its
// start-up and peak memory are those of a script's process.
//
//     .build/release/bench-probe KIND ARGS...     (`bench-probe help` lists the kinds)
import Foundation

do {
    exit(try await Probe.run(Array(CommandLine.arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("bench-probe: \(error)\n".utf8))
    exit(1)
}
