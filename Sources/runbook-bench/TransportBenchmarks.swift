import Foundation
import BenchSupport
import LoopbackHTTPServer
import Logging
import Runbook
import RunbookAsyncHTTPClient
import RunbookTesting

/// `http.transports`: the socket transport and the AsyncHTTPClient transport under the same full
/// RestClient (retry + circuit breaker on, log level info), side by side in one process against the
/// same servers, with `wrk` on 1 and 8 connections against each server as the limit. Rounds
/// alternate the contestants, so load changes on the shared machine hit all of them; the medians
/// of the rounds are printed with their ratios to `wrk`. Then process start-up with each transport
/// linked (bench-get-socket, bench-get-ahc: one GET each, median of 21 alternating runs).
let transportBenchmarks: [Benchmark] = [
    Benchmark("http.transports.compare", target: "report", iterations: 1) {
        { try await TransportComparison().run(rounds: 5) }
    },
]

struct TransportComparison {
    static let sequential = 5_000
    static let parallel = 10_000
    static let bigBody = 5 * 1_048_576

    func run(rounds: Int) async throws {
        print("  load average at start: \(loadAverage())")
        let certificates = try await LoopbackCertificates.shared()
        let plain = LoopbackHTTPServer(recordsRequests: false)
        let big = BenchBodies.json(bytes: Self.bigBody), gzipped = try BenchBodies.gzip(big)
        print("  5 MB body: \(big.count) bytes of JSON, \(gzipped.count) bytes gzipped")
        plain.route("GET", "/api/customers/42") { _ in .json(200, HTTPBench.document) }
        plain.route("GET", "/api/big") { _ in LoopbackResponse(status: 200, headers: [("Content-Type", "application/json")], body: big) }
        plain.route("GET", "/api/big-gzip") { _ in
            LoopbackResponse(status: 200, headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: gzipped)
        }
        try plain.start()
        let tls = try LoopbackTLSServer(certificates.loopback, body: HTTPBench.document)
        defer { plain.stop(); tls.stop() }
        let ahc = AsyncHTTPClientTransport(trustedCAFile: certificates.caFile)
        let contestants: [(String, any HTTPTransport)] = [
            ("socket", SocketHTTPTransport(trustedCAFile: certificates.caFile)), ("ahc", ahc),
        ]
        var rates: [String: [Double]] = [:]
        let plainURL = "http://127.0.0.1:\(plain.port)/api/customers/42"
        let tlsURL = "https://127.0.0.1:\(tls.port)/api/customers/42"
        for _ in 0..<rounds {
            for (name, transport) in contestants {
                let http = client(transport, base: plain.baseURL), https = client(transport, base: tls.baseURL)
                for warm in [http, https] { for _ in 0..<200 { _ = try await warm.get("customers/42") } }
                rates["\(name) GET sequential", default: []].append(try await rate(Self.sequential) {
                    for _ in 0..<Self.sequential { _ = try await http.get("customers/42") }
                })
                rates["\(name) GET 8 in flight", default: []].append(try await rate(Self.parallel) {
                    try await HTTPBench.run(http, count: Self.parallel, inFlight: 8)
                })
                rates["\(name) HTTPS GET sequential", default: []].append(try await rate(Self.sequential) {
                    for _ in 0..<Self.sequential { _ = try await https.get("customers/42") }
                })
                rates["\(name) 5 MB body", default: []].append(try await rate(10) {
                    for _ in 0..<10 { _ = try await http.get("big") }
                })
                // Decoded by the client (the same code for both), under the default max-decoded-bytes.
                rates["\(name) 5 MB gzip body", default: []].append(try await rate(10) {
                    for _ in 0..<10 {
                        let response = try await http.get("big-gzip")
                        guard response.body.count == big.count else {
                            throw BenchmarkSetupError("\(name): the gzip body decoded to \(response.body.count) bytes, not \(big.count)")
                        }
                    }
                })
            }
            rates["wrk GET 1 connection", default: []].append(try await wrk(plainURL, connections: 1))
            rates["wrk GET 8 connections", default: []].append(try await wrk(plainURL, connections: 8))
            rates["wrk HTTPS GET 1 connection", default: []].append(try await wrk(tlsURL, connections: 1))
            rates["wrk 5 MB body 1 connection", default: []].append(
                try await wrk("http://127.0.0.1:\(plain.port)/api/big", connections: 1))
            // wrk does not decode: this is the compressed body's transfer, the limit of the server.
            rates["wrk 5 MB gzip body 1 connection", default: []].append(
                try await wrk("http://127.0.0.1:\(plain.port)/api/big-gzip", connections: 1))
        }
        try await ahc.shutdown()
        let median = rates.mapValues { BenchmarkClock.median($0) }
        let limits = ["GET sequential": "wrk GET 1 connection", "GET 8 in flight": "wrk GET 8 connections",
                      "HTTPS GET sequential": "wrk HTTPS GET 1 connection", "5 MB body": "wrk 5 MB body 1 connection",
                      "5 MB gzip body": "wrk 5 MB gzip body 1 connection"]
        for row in ["GET sequential", "GET 8 in flight", "HTTPS GET sequential", "5 MB body", "5 MB gzip body"] {
            let limit = median[limits[row]!] ?? .nan
            var line = "  \(row.padding(toLength: 22, withPad: " ", startingAt: 0)) wrk \(format(limit))/s"
            for name in ["socket", "ahc"] {
                let value = median["\(name) \(row)"] ?? .nan
                line += " | \(name) \(format(value))/s (\(String(format: "%.2f", value / limit))× wrk)"
            }
            print(line)
        }
        for name in ["socket", "ahc"] {
            let ratio = (median["\(name) GET sequential"] ?? .nan) / (median["\(name) HTTPS GET sequential"] ?? .nan)
            print("  \(name): plain / HTTPS sequential = \(String(format: "%.2f", ratio))× (\(tls.handshakes) handshakes in all)")
        }
        try await startUp(url: plainURL)
        print("  load average at end: \(loadAverage())")
    }

    func client(_ transport: any HTTPTransport, base: URL) -> RestClient {
        var logger = Logger(label: "bench")
        logger.logLevel = .info
        return RestClient(baseURL: base.appendingPathComponent("api/"), transport: transport,
                          behavior: HTTPBehaviorSettings(circuitBreaker: CircuitBreakerSettings(enabled: true)), logger: logger)
    }

    /// Requests per second of `body`, which sends `count` requests.
    func rate(_ count: Int, _ body: () async throws -> Void) async throws -> Double {
        let started = ContinuousClock.now
        try await body()
        let took = ContinuousClock.now - started
        return Double(count) / (Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18)
    }

    func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }
}
