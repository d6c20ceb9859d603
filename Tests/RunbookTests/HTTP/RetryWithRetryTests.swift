import Foundation
import Logging
import Runbook
import RunbookTesting
import Synchronization
import Testing

/// An error a fake SFTP server or database gives.
struct Busy: Error, Equatable { var attempt: Int }
struct Fatal: Error, Equatable {}

@Suite("withRetry for non-HTTP work")
struct RetryWithRetryTests {
    let policy = RetryPolicy(retry: RetrySettings(maxRetries: 3, backoffFactor: 3), jitter: JitterSettings(),
                             random: SequenceRandomSource([0.5]))

    @Test("retries with the policy's backoff on the given clock, then returns the result")
    func retriesThenSucceeds() async throws {
        let clock = ManualClock()
        var heard: [String] = []
        let result = try await withRetry(policy: policy, clock: clock, onRetry: { attempt, error, delay in
            heard.append("\(attempt) \(error as? Busy == Busy(attempt: attempt)) \(delay)")
        }) { attempt in
            if attempt < 3 { throw Busy(attempt: attempt) }
            return "done on \(attempt)"
        }
        #expect(result == "done on 3")
        #expect(clock.sleeps == [.seconds(1), .seconds(3)])
        #expect(heard == ["1 true 1.0 seconds", "2 true 3.0 seconds"])
    }

    @Test("max-retries + 1 attempts, then the last error as it is")
    func exhausts() async throws {
        let clock = ManualClock()
        let attempts = Mutex(0)
        await #expect(throws: Busy(attempt: 4)) {
            try await withRetry(policy: policy, clock: clock) { attempt in
                attempts.withLock { $0 += 1 }
                throw Busy(attempt: attempt)
            }
        }
        #expect(attempts.withLock { $0 } == 4)
        #expect(clock.sleeps == [.seconds(1), .seconds(3), .seconds(9)])
    }

    @Test("a failure isRetryable rejects is thrown at once; so is a cancellation")
    func notRetryable() async throws {
        let clock = ManualClock()
        await #expect(throws: Fatal()) {
            try await withRetry(policy: policy, clock: clock, isRetryable: { $0 is Busy }) { _ in throw Fatal() }
        }
        await #expect(throws: CancellationError.self) {
            try await withRetry(policy: policy, clock: clock) { _ in throw CancellationError() }
        }
        #expect(clock.sleeps.isEmpty)
    }

    @Test("the deadline stops the retries whose wait would end past it")
    func deadline() async throws {
        let clock = ManualClock()
        let attempts = Mutex(0)
        await #expect(throws: Busy(attempt: 3)) {
            try await withRetry(policy: policy, clock: clock, deadline: .seconds(5)) { attempt in
                attempts.withLock { $0 += 1 }
                throw Busy(attempt: attempt)
            }
        }
        // The 1 s wait after attempt 1 and the 3 s wait after attempt 2 end before 5 s; 9 s after attempt 3 would not.
        #expect(attempts.withLock { $0 } == 3)
        #expect(clock.sleeps == [.seconds(1), .seconds(3)])
    }

    @Test("retries are logged and counted in the run's metrics like HTTP retries")
    func loggedAndCounted() async throws {
        let clock = ManualClock()
        let log = CapturedLog()
        let instrumentation = HTTPInstrumentation()
        _ = try await withRetry(policy: policy, clock: clock, operation: "sftp.example.com:22", logger: log.logger,
                                instrumentation: instrumentation) { attempt in
            if attempt == 1 { throw Busy(attempt: 1) }
            return attempt
        }
        #expect(log.lines.withLock { $0 } == ["info sftp.example.com:22 attempt 1 failed with Busy; retry 1 of 3 in 1.0 s"])
        let host = try #require(instrumentation.collector.snapshot().host("sftp.example.com:22"))
        #expect(host.retries == 1)
        #expect(host.retriesByReason == ["Busy": 1])
    }

    /// Uploads through a flaky "server": busy on the first `failures` attempts.
    struct FlakyUpload: Script {
        static let name = "flaky-upload"
        static let summary = "retries a non-HTTP upload"
        init() {}
        func run(_ context: ScriptContext) async throws {
            let attempts = try await context.withRetry(operation: "sftp.test:22", isRetryable: { $0 is Busy }) { attempt in
                if attempt < 3 { throw Busy(attempt: attempt) }
                return attempt
            }
            context.results.created("upload/\(attempts)")
        }
    }

    @Test("ScriptContext.withRetry uses the run's retry-strategy and clock", arguments: [(5, true), (1, false)])
    func scriptContext(maxRetries: Int, succeeds: Bool) async throws {
        var harness = ScriptHarness(FlakyUpload.self)
        harness.config = """
            global:
              api-base-url: http://api.test/
            script-behavior:
              retry-strategy:
                max-retries: \(maxRetries)

            """
        let result = await harness.run()
        #expect((result.exitCode == .success) == succeeds)
        #expect(harness.clock.sleeps.count == (succeeds ? 2 : 1))
        // Backoff 1 s then 3 s, each times the default jitter 0.8–1.2.
        #expect(harness.clock.sleeps.first.map { $0 >= .milliseconds(800) && $0 <= .milliseconds(1200) } == true)
    }
}
