import Foundation
import JSONSchema
import Runbook

/// YAML reader benchmarks: the 16.5 MB config corpus into the located tree.
let yamlBenchmarks: [Benchmark] = [
    Benchmark("yaml.read.16.5MB", target: "≤ 600 ms") {
        let url = try BenchmarkInputs.configCorpus().appendingPathComponent("org-config-50000.yaml")
        let bytes = try [UInt8](Data(contentsOf: url))
        let reader = YAMLReader()
        return {
            let node = try reader.read(bytes, source: 1)
            guard node.value.objectValue != nil else { throw YAMLError("corpus root is not a mapping", at: node.location) }
        }
    },
]
