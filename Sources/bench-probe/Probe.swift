import Foundation
import JSONSchema
import Logging
import BenchSupport
import Runbook

/// One measurement for `bench/compare`, in a process of its own: `bench-probe KIND ARGS...` does the
/// work once and prints `ms <milliseconds> cpu <CPU milliseconds of the process>` for the work alone (inputs are read into memory first,
/// untimed), so that it pairs with an anchor program that does the same. The process's wall time and
/// peak memory are measured by the caller.
enum Probe {
    static let usage = """
        bench-probe yaml FILE                      the YAML file into the located tree
        bench-probe json FILE                      the JSON file into the located tree
        bench-probe csv ROWS DIR                   ROWS x 8 columns streamed to DIR/tmp/bench.csv
        bench-probe xlsx ROWS DIR                  ROWS x 8 columns streamed to DIR/tmp/bench.xlsx
        bench-probe http-sequential BASE COUNT     COUNT GETs of BASE/customers/42, one at a time
        bench-probe http-parallel BASE COUNT N     COUNT GETs of BASE/customers/42, N in flight
        bench-probe http-instrumented BASE COUNT   http-sequential with metrics and tracing on (no-op backends)
        bench-probe run-observability on|off [N]   a run's metrics and tracing, cold then N warm (off: nothing)
        bench-probe serve                          the loopback server for the HTTP rows (ProbeServer)
        """

    /// Runs the probe named by `arguments[0]`; returns the exit status.
    static func run(_ arguments: [String]) async throws -> Int32 {
        guard let kind = arguments.first else { return fail("missing KIND") }
        let rest = Array(arguments.dropFirst())
        switch (kind, rest.count) {
        case ("serve", 0):
            try ProbeServer.run()
        case ("yaml", 1):
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: rest[0])))
            let reader = YAMLReader()
            let node = try report { try reader.read(bytes, source: 1) }
            guard node.value.objectValue != nil else { throw YAMLError("the YAML root is not a mapping", at: node.location) }
        case ("json", 1):
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: rest[0])))
            let document = try report { try JSONParser.parse(bytes) }
            guard document.value.objectValue != nil else { return fail("the JSON root is not an object") }
        case ("csv", 2):
            let (rows, store) = try table(rest)
            try report {
                try store.writeCSV(to: .tmp, name: "bench.csv") { csv in
                    try csv.write(header: BenchTable.header)
                    for index in 0..<rows { try csv.write(row: BenchTable.row(index)) }
                }
            }
        case ("xlsx", 2):
            let (rows, store) = try table(rest)
            try report {
                try store.writeXLSX(to: .tmp, name: "bench.xlsx") { workbook in
                    try workbook.addSheet("Data") { sheet in
                        try sheet.write(header: BenchTable.header)
                        for index in 0..<rows { try sheet.write(row: BenchTable.row(index)) }
                    }
                }
            }
        case ("http-sequential", 2), ("http-parallel", 3), ("http-instrumented", 2):
            guard let base = URL(string: rest[0]), let count = Int(rest[1]) else { return fail("bad BASE or COUNT") }
            let inFlight = rest.count == 3 ? Int(rest[2]) ?? 0 : 1
            guard inFlight > 0 else { return fail("bad N") }
            let client = fullClient(base, instrumentation: kind == "http-instrumented" ? HTTPInstrumentation() : nil)
            _ = try await client.get("customers/42")
            let start = Stopwatch()
            try await BenchRequests.getAll(client, count: count, inFlight: inFlight)
            print(start.report())
        case ("run-observability", 1), ("run-observability", 2):
            guard ["on", "off"].contains(rest[0]), let warm = Int(rest.count == 2 ? rest[1] : "10000"), warm >= 0 else {
                return fail("run-observability wants on or off, and a number of warm passes")
            }
            print(await RunObservabilityProbe.measure(enabled: rest[0] == "on", warmPasses: warm))
        default:
            return fail("unknown probe \(([kind] + rest).joined(separator: " "))")
        }
        return 0
    }

    /// The client as a script gets it: retry and circuit breaker on, rate limiting off, info logging.
    /// With `instrumentation`, every call and attempt is measured (swift-metrics, the run's HDR
    /// collector, a span per call and attempt) as in a run.
    static func fullClient(_ base: URL, instrumentation: HTTPInstrumentation? = nil) -> RestClient {
        let behavior = HTTPBehaviorSettings(circuitBreaker: CircuitBreakerSettings(enabled: true))
        var logger = Logger(label: "bench")
        logger.logLevel = .info
        return RestClient(baseURL: base, transport: SocketHTTPTransport(), behavior: behavior, logger: logger,
                          instrumentation: instrumentation)
    }

    private static func table(_ arguments: [String]) throws -> (Int, OutputStore) {
        guard let rows = Int(arguments[0]), rows >= 0 else { throw ProbeError("bad ROWS \(arguments[0])") }
        return (rows, OutputStore(root: URL(fileURLWithPath: arguments[1]), clock: SystemClock()))
    }

    /// Times `work` and returns its result, so that freeing the result is not timed (the anchors keep
    /// theirs too).
    @discardableResult
    private static func report<Result>(_ work: () throws -> Result) rethrows -> Result {
        let start = Stopwatch()
        let result = try work()
        print(start.report())
        return result
    }

    private static func fail(_ problem: String) -> Int32 {
        FileHandle.standardError.write(Data("bench-probe: \(problem)\nusage:\n\(usage)\n".utf8))
        return 64
    }
}

/// Wall time and the process's CPU time since it was made.
struct Stopwatch {
    private let wall = ContinuousClock.now
    private let cpu = Stopwatch.processCPUMilliseconds()

    /// `ms <wall milliseconds> cpu <CPU milliseconds>`.
    func report() -> String {
        let elapsed = ContinuousClock.now - wall
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "ms %.3f cpu %.3f", ms, Stopwatch.processCPUMilliseconds() - cpu)
    }

    private static func processCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
}

/// A probe that cannot run, and why.
struct ProbeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
