import Foundation
import HTTPTypes
import Logging
import Runbook
import RunbookTesting
import Synchronization
import Testing

/// Captures log lines (level and message) for exact-text checks.
final class CapturedLog: Sendable {
    let lines = Mutex<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "capture") { _ in CapturingHandler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    struct CapturingHandler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.lines.withLock { $0.append("\(event.level) \(event.message)") }
        }
    }
}

@Suite("HTTP logging")
struct HTTPLoggingTests {
    @Test("a debug line per attempt and info lines around an async operation, URLs redacted")
    func lines() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.post, "/v2/jobs", responses: [.json(503, "{}"), .status(202, headers: ["Location": "/ops/1"])])
        transport.route(.get, "/ops/1", response: .json(200, "{}"))
        let capture = CapturedLog()
        let client = RestClient(
            baseURL: URL(string: "https://api.example.com/v2/"), transport: transport, clock: ManualClock(),
            logger: capture.logger, random: SequenceRandomSource([0.5]))
        var request = RestRequest(method: .post, path: "jobs", query: [URLQueryItem(name: "api_key", value: "k")])
        request.idempotencyKey = "job-1"
        _ = try await client.send(request)
        #expect(capture.lines.withLock { $0 } == [
            "debug POST https://api.example.com/v2/jobs?api_key=*** attempt 1 → 503 in 0 ms",
            "debug POST https://api.example.com/v2/jobs?api_key=*** attempt 2 → 202 in 0 ms",
            "info POST https://api.example.com/v2/jobs?api_key=*** async operation started, polling https://api.example.com/ops/1",
            "debug GET https://api.example.com/ops/1 attempt 1 → 200 in 0 ms",
            "info POST https://api.example.com/v2/jobs?api_key=*** async operation completed after 1 polls",
        ])
    }
}
