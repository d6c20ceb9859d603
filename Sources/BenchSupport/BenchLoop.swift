public import Foundation
import Logging
public import Runbook

/// The measured loop of `bench-get-socket` and `bench-get-ahc` (bench/compare's transport rows): the
/// full client (retry and circuit breaker on, info logging) on one transport, one warm-up GET, then
/// `count` GETs of one path over `inFlight` concurrent tasks.
public struct BenchLoop: Sendable {
    /// The URL requested: its last path component under the rest as the base URL.
    public let url: URL
    /// GETs timed.
    public let count: Int
    /// Concurrent tasks sharing the GETs.
    public let inFlight: Int
    /// A PEM file of CA certificates for `https://` (the benchmark's own CA), or nil.
    public let caFile: String?

    /// Reads `URL [COUNT [IN_FLIGHT [CA_FILE]]]`; nil without a COUNT (one GET, the start-up figure).
    public init?(arguments: [String]) {
        guard arguments.count >= 2, let url = URL(string: arguments[0]), let count = Int(arguments[1]), count > 0 else { return nil }
        self.url = url
        self.count = count
        inFlight = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 1) : 1
        caFile = arguments.count >= 4 && !arguments[3].isEmpty ? arguments[3] : nil
    }

    /// The full client, as a script gets it, on `transport`.
    public func client(_ transport: any HTTPTransport) -> RestClient {
        var logger = Logger(label: "bench")
        logger.logLevel = .info
        return RestClient(baseURL: url.deletingLastPathComponent(), transport: transport,
                          behavior: HTTPBehaviorSettings(circuitBreaker: CircuitBreakerSettings(enabled: true)), logger: logger)
    }

    /// One warm-up GET, then the timed GETs; returns `ms <wall> cpu <process CPU> bytes <last body>`.
    public func run(_ client: RestClient) async throws -> String {
        let path = url.lastPathComponent
        var bytes = try await client.get(path).body.count
        let wall = ContinuousClock.now, cpu = Self.processCPUMilliseconds()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<inFlight {
                let share = count / inFlight + (worker < count % inFlight ? 1 : 0)
                group.addTask {
                    var last = 0
                    for _ in 0..<share { last = try await client.get(path).body.count }
                    return last
                }
            }
            for try await last in group { bytes = max(bytes, last) }
        }
        let elapsed = ContinuousClock.now - wall
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "ms %.3f cpu %.3f bytes %d", ms, Self.processCPUMilliseconds() - cpu, bytes)
    }

    private static func processCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
}
