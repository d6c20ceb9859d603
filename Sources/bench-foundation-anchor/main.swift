// bench-foundation-anchor: the start-up limit `bench/compare` measures `runbook run hello-world demo test`
// against. It starts Foundation, reads the configuration file the hello-world run reads, and prints one
// line, linked the same way as `runbook` (the Swift runtime and Foundation statically).
//
//     .build/release/bench-foundation-anchor [config/demo-test-config.yaml]
import Foundation

let path = CommandLine.arguments.dropFirst().first ?? "config/demo-test-config.yaml"
do {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    print("read \(data.count) bytes from \(path)")
} catch {
    FileHandle.standardError.write(Data("cannot read \(path): \(error)\n".utf8))
    exit(1)
}
