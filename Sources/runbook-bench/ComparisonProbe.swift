import Foundation
import JSONSchema
import Logging
import Runbook

/// One measurement for `bench/compare`, in a process of its own: `runbook-bench probe KIND ARGS...`
/// does the work once and prints `ms <milliseconds>` for the work alone (inputs are read into memory
/// first, untimed), so that it pairs with an anchor program that does the same. The process's wall
/// time and peak memory are measured by the caller.
enum ComparisonProbe {
    static let usage = """
        runbook-bench probe yaml FILE                      the YAML file into the located tree
        runbook-bench probe json FILE                      the JSON file into the located tree
        runbook-bench probe csv ROWS DIR                   ROWS x 8 columns streamed to DIR/tmp/bench.csv
        runbook-bench probe xlsx ROWS DIR                  ROWS x 8 columns streamed to DIR/tmp/bench.xlsx
        runbook-bench probe http-sequential BASE COUNT     COUNT GETs of BASE/customers/42, one at a time
        runbook-bench probe http-parallel BASE COUNT N     COUNT GETs of BASE/customers/42, N in flight
        """

    /// Runs the probe named by `arguments[0]`; returns the exit status.
    static func run(_ arguments: [String]) async throws -> Int32 {
        guard let kind = arguments.first else { return fail("missing KIND") }
        let rest = Array(arguments.dropFirst())
        switch (kind, rest.count) {
        case ("yaml", 1):
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: rest[0])))
            let reader = YAMLReader()
            try report {
                let node = try reader.read(bytes, source: 1)
                guard node.value.objectValue != nil else { throw BenchmarkSetupError("the YAML root is not a mapping") }
            }
        case ("json", 1):
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: rest[0])))
            try report { _ = try JSONParser.parse(bytes) }
        case ("csv", 2):
            let (rows, store) = try table(rest)
            try report {
                try store.writeCSV(to: .tmp, name: "bench.csv") { csv in
                    try csv.write(header: OutputBenchRows.header)
                    for index in 0..<rows { try csv.write(row: OutputBenchRows.row(index)) }
                }
            }
        case ("xlsx", 2):
            let (rows, store) = try table(rest)
            try report {
                try store.writeXLSX(to: .tmp, name: "bench.xlsx") { workbook in
                    try workbook.addSheet("Data") { sheet in
                        try sheet.write(header: OutputBenchRows.header)
                        for index in 0..<rows { try sheet.write(row: OutputBenchRows.row(index)) }
                    }
                }
            }
        case ("http-sequential", 2), ("http-parallel", 3):
            guard let base = URL(string: rest[0]), let count = Int(rest[1]) else { return fail("bad BASE or COUNT") }
            let inFlight = rest.count == 3 ? Int(rest[2]) ?? 0 : 1
            guard inFlight > 0 else { return fail("bad N") }
            let client = fullClient(base)
            _ = try await client.get("customers/42")
            let start = ContinuousClock.now
            try await HTTPBench.run(client, count: count, inFlight: inFlight)
            print(milliseconds(since: start))
        default:
            return fail("unknown probe \(([kind] + rest).joined(separator: " "))")
        }
        return 0
    }

    /// The client as a script gets it: retry and circuit breaker on, rate limiting off, info logging.
    static func fullClient(_ base: URL) -> RestClient {
        let behavior = HTTPBehaviorSettings(circuitBreaker: CircuitBreakerSettings(enabled: true))
        var logger = Logger(label: "bench")
        logger.logLevel = .info
        return RestClient(baseURL: base, transport: SocketHTTPTransport(), behavior: behavior, logger: logger)
    }

    private static func table(_ arguments: [String]) throws -> (Int, OutputStore) {
        guard let rows = Int(arguments[0]), rows >= 0 else { throw BenchmarkSetupError("bad ROWS \(arguments[0])") }
        return (rows, OutputStore(root: URL(fileURLWithPath: arguments[1]), clock: SystemClock()))
    }

    private static func report(_ work: () throws -> Void) rethrows {
        let start = ContinuousClock.now
        try work()
        print(milliseconds(since: start))
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "ms %.3f", ms)
    }

    private static func fail(_ problem: String) -> Int32 {
        FileHandle.standardError.write(Data("runbook-bench probe: \(problem)\nusage:\n\(usage)\n".utf8))
        return 64
    }
}
