import Foundation
import LoopbackHTTPServer
import Logging
import BenchSupport
import Runbook
import RunbookURLSession
import Synchronization

/// The full client (retry + circuit breaker on, rate limiting off) against the loopback server
/// returning a small JSON document. Targets: ≥ 12,000 sequential GET/s and ≥ 35,000/s with 8 in
/// flight, memory flat over 100,000 requests.
let httpBenchmarks: [Benchmark] = [
    HTTPBench.sequential("http.socket.get.sequential.10k", transport: SocketHTTPTransport(), count: 10_000, target: "≤ 833 (12k/s)"),
    HTTPBench.parallel("http.socket.get.8-in-flight.20k", transport: SocketHTTPTransport(), count: 20_000, target: "≤ 571 (35k/s)"),
    HTTPBench.instrumentedAlternating("http.socket.get.sequential.instrumented-vs-plain.20x1k"),
    HTTPBench.sequential("http.urlsession.get.sequential.2k", transport: URLSessionTransport(), count: 2_000, target: "report"),
    HTTPBench.parallel("http.urlsession.get.8-in-flight.2k", transport: URLSessionTransport(), count: 2_000, target: "report"),
    HTTPBench.memory("http.socket.rss.100k", transport: SocketHTTPTransport(), count: 100_000),
] + transportBenchmarks

enum HTTPBench {
    static let document = #"{"id":42,"name":"Acme AS","city":"Oslo","active":true,"balance":1234.5}"#

    static func client(
        _ transport: any HTTPTransport, instrumentation: HTTPInstrumentation? = nil
    ) throws -> (LoopbackHTTPServer, RestClient) {
        let server = LoopbackHTTPServer(recordsRequests: false)
        server.route("GET", "/api/customers/42") { _ in .json(200, document) }
        try server.start()
        let behavior = HTTPBehaviorSettings(circuitBreaker: CircuitBreakerSettings(enabled: true))
        var logger = Logger(label: "bench")
        logger.logLevel = .info
        let client = RestClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/"), transport: transport,
                                behavior: behavior, logger: logger, instrumentation: instrumentation)
        return (server, client)
    }

    static func sequential(_ name: String, transport: any HTTPTransport, count: Int, target: String) -> Benchmark {
        Benchmark(name, target: target) {
            let (server, client) = try client(transport)
            _ = try await client.get("customers/42")
            return {
                for _ in 0..<count { _ = try await client.get("customers/42") }
                withExtendedLifetime(server) {}
            }
        }
    }

    /// Sequential GETs with metrics and tracing on (no-op backends, the run's collector) against
    /// the same without, alternating blocks of 1,000 in one process; the note gives both rates.
    static func instrumentedAlternating(_ name: String) -> Benchmark {
        let figures = Mutex<(plain: Duration, instrumented: Duration)>((.zero, .zero))
        return Benchmark(name, target: "instrumented within 5 %", iterations: 1, notes: {
            let (plain, instrumented) = figures.withLock { $0 }
            let rate = { (time: Duration) in Int(20_000 / (Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18)) }
            let overhead = (Double(instrumented.components.attoseconds) / 1e18 + Double(instrumented.components.seconds))
                / (Double(plain.components.attoseconds) / 1e18 + Double(plain.components.seconds)) - 1
            return "plain \(rate(plain)) GET/s, instrumented \(rate(instrumented)) GET/s, overhead \(String(format: "%+.1f", overhead * 100)) %"
        }) {
            let transport = SocketHTTPTransport()
            let (server, plain) = try client(transport)
            let (other, instrumented) = try client(transport, instrumentation: HTTPInstrumentation())
            for warm in [plain, instrumented] { for _ in 0..<500 { _ = try await warm.get("customers/42") } }
            return {
                let clock = ContinuousClock()
                for _ in 0..<20 {
                    for (index, client) in [plain, instrumented].enumerated() {
                        let started = clock.now
                        for _ in 0..<1_000 { _ = try await client.get("customers/42") }
                        let took = clock.now - started
                        figures.withLock { index == 0 ? ($0.plain += took) : ($0.instrumented += took) }
                    }
                }
                withExtendedLifetime((server, other)) {}
            }
        }
    }

    static func parallel(_ name: String, transport: any HTTPTransport, count: Int, target: String) -> Benchmark {
        Benchmark(name, target: target) {
            let (server, client) = try client(transport)
            return {
                try await run(client, count: count, inFlight: 8)
                withExtendedLifetime(server) {}
            }
        }
    }

    static func memory(_ name: String, transport: any HTTPTransport, count: Int) -> Benchmark {
        Benchmark(name, target: "flat RSS", iterations: 1) {
            let (server, client) = try client(transport)
            try await run(client, count: 1_000, inFlight: 8)
            return {
                let before = residentMegabytes()
                try await run(client, count: count, inFlight: 8)
                let after = residentMegabytes()
                print("  RSS before \(before) MB, after \(count) requests \(after) MB")
                withExtendedLifetime(server) {}
            }
        }
    }

    static func run(_ client: RestClient, count: Int, inFlight: Int) async throws {
        try await BenchRequests.getAll(client, count: count, inFlight: inFlight)
    }

    static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = Int(text.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
