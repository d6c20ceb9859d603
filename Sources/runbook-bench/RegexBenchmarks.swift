import JSONSchema

/// ECMARegex: the validator's typical use, an anchored identifier pattern over many short strings.
let regexBenchmarks: [Benchmark] = [
    Benchmark("regex.match.identifier", target: "≤ 7.5 ms (150 ns/match)", iterations: 9) {
        let regex = try ECMARegex("^[a-z][a-z0-9-]{1,62}$")
        let inputs = (0..<50_000).map { index in
            index % 10 == 0 ? "Invalid_\(index)" : "service-\(index)-prod"
        }
        return {
            var matched = 0
            for input in inputs where regex.matches(input) { matched += 1 }
            precondition(matched == 45_000)
        }
    },
    Benchmark("regex.search.unanchored", target: "≤ 15 ms (300 ns/search)", iterations: 9) {
        let regex = try ECMARegex("[0-9]{2,}-x")
        let inputs = (0..<50_000).map { "customer record number \($0)-x" }
        return {
            var matched = 0
            for input in inputs where regex.matches(input) { matched += 1 }
            precondition(matched == 49_990)
        }
    },
    Benchmark("regex.compile.identifier", target: "≤ 20 ms (20 µs/pattern)", iterations: 9) {
        {
            for _ in 0..<1_000 { _ = try ECMARegex("^(?<org>[a-z][a-z0-9_-]*)-(?<env>dev|test|prod)\\.ya?ml$") }
        }
    },
]
