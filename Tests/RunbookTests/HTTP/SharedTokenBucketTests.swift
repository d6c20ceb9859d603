import Foundation
@testable import Runbook
import Logging
import RunbookTesting
import Testing

/// `rate-limiting.scope` `fleet` / `host`: buckets in separate "processes" (instances with their
/// own file descriptors; one `ManualClock` stands for the machine's clock) that share a state
/// file grant the configured rate in total, not once each.
@Suite struct SharedTokenBucketTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-buckets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Grants within `window` when `buckets` take turns asking as fast as they may.
    static func granted(_ buckets: [TokenBucket], clock: ManualClock, window: Duration) async throws -> [Int] {
        var counts = Array(repeating: 0, count: buckets.count)
        var turn = 0
        while true {
            try await buckets[turn].acquire()
            guard clock.monotonicNow() <= window else { break }
            counts[turn] += 1
            turn = (turn + 1) % buckets.count
        }
        return counts
    }

    @Test(arguments: [(10.0, 1), (10.0, 5), (2.0, 3)])
    func twoBucketsSharingAFileGrantTheRateInTotal(rate: Double, burst: Int) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock()
        let file = folder.appendingPathComponent("api.example.com.bucket")
        let shared = [TokenBucket(rate: rate, burst: burst, clock: clock, sharedState: file),
                      TokenBucket(rate: rate, burst: burst, clock: clock, sharedState: file)]
        let counts = try await Self.granted(shared, clock: clock, window: .seconds(10))
        let total = Double(counts.reduce(0, +))
        #expect(total >= rate * 10 * 0.95, "\(counts)")
        #expect(total <= rate * 10 * 1.05 + Double(burst), "\(counts): one rate for both, not two")
        #expect(abs(counts[0] - counts[1]) <= 1, "taking turns, each gets half")
        // The same two as buckets of their own grant twice as much: the test sees the difference.
        let ownClock = ManualClock()
        let own = [TokenBucket(rate: rate, burst: burst, clock: ownClock), TokenBucket(rate: rate, burst: burst, clock: ownClock)]
        let ownTotal = Double(try await Self.granted(own, clock: ownClock, window: .seconds(10)).reduce(0, +))
        #expect(ownTotal >= rate * 20 * 0.95)
    }

    @Test func concurrentCallersOfTwoSharedBucketsEachReserveTheirOwnSlot() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock(mode: .manual)
        let file = folder.appendingPathComponent("h.bucket")
        let buckets = [TokenBucket(rate: 10, burst: 1, clock: clock, sharedState: file),
                       TokenBucket(rate: 10, burst: 1, clock: clock, sharedState: file)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 { group.addTask { try await buckets[index % 2].acquire() } }
            while clock.pendingSleepers < 19 { await Task.yield() }
            clock.advance(by: .seconds(2))
            try await group.waitForAll()
        }
        #expect(clock.sleeps.sorted() == (1...19).map { Duration.milliseconds(100 * $0) })
    }

    @Test func theStateFileSaysTokensAndRefillInstant() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock()
        let file = folder.appendingPathComponent("sub/h.bucket")
        let bucket = TokenBucket(rate: 4, burst: 2, clock: clock, sharedState: file)
        #expect(bucket.sharedState == file)
        try await bucket.acquire()
        #expect(try String(contentsOf: file, encoding: .utf8) == "runbook-rate-limit/1 1.0 0\n")
        // A refill instant in the future (a reboot) or a damaged line: a full bucket again.
        for text in ["runbook-rate-limit/1 -50.0 999999999999\n", "runbook-rate-limit/1 -5", "garbage"] {
            try Data(text.utf8).write(to: file)
            #expect(try bucket.reserve() == .zero, "\(text)")
        }
    }

    /// The instant a reservation computes with is read while the file's lock is held: one read
    /// before waiting for the lock could be older than the refill instant another process wrote
    /// meanwhile, and would start a full bucket (seen as extra grants with three processes under load).
    @Test func nowIsReadUnderTheFilesLock() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("127.0.0.1_8080.bucket")
        let file = SharedBucketFile(url: url)
        _ = try file.reserve(now: { .seconds(1) }, rate: 1, burst: 1)
        let other = open(url.path, O_RDWR)
        defer { close(other) }
        var lockedWhileReading = false
        _ = try file.reserve(now: {
            lockedWhileReading = flock(other, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
            return .seconds(2)
        }, rate: 1, burst: 1)
        #expect(lockedWhileReading)
    }

    @Test func anUnusableStateFileIsAHelpfulError() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("tmp")
        try Data().write(to: blocker)  // a file where the folder should be
        let bucket = TokenBucket(rate: 1, burst: 1, clock: ManualClock(), sharedState: blocker.appendingPathComponent("rate-limits/h.bucket"))
        await #expect {
            try await bucket.acquire()
        } throws: { error in
            let helpful = error as? HelpfulError
            return helpful?.problem.hasPrefix("Cannot use the shared rate-limit state ") == true
                && helpful?.location?.keyPath == "script-behavior.rate-limiting.scope"
        }
    }

    @Test func theScopePicksTheFolder() throws {
        let root = URL(fileURLWithPath: "/p")
        let fleet = ["RUNBOOK_FLEET_ID": "0192F0C1-7B3A-7C4D-8E5F-0123456789AB"]
        #expect(RateLimitScope.run.stateFolder(projectRoot: root, environment: fleet) == nil)
        #expect(RateLimitScope.host.stateFolder(projectRoot: root, environment: [:])?.path == "/p/tmp/rate-limits")
        #expect(RateLimitScope.fleet.stateFolder(projectRoot: root, environment: fleet)?.path
            == "/p/tmp/rate-limits/fleet-0192f0c1-7b3a-7c4d-8e5f-0123456789ab")
        #expect(RateLimitScope.fleet.stateFolder(projectRoot: root, environment: [:]) == nil, "outside a fleet: the run's own")
        #expect(RateLimitScope.fleet.stateFolder(projectRoot: root, environment: ["RUNBOOK_FLEET_ID": "../x"]) == nil)
        #expect(RateLimitScope.fleet.stateFolder(projectRoot: root, environment: ["RUNBOOK_FLEET_PARENT_PID": "4242"])?.path
            == "/p/tmp/rate-limits/fleet-pid-4242", "runbook fleet's targets know their coordinator")
        #expect(RateLimitScope.fleet.stateFolder(projectRoot: root, environment: ["RUNBOOK_FLEET_PARENT_PID": "x"]) == nil)
        #expect(HostResilience.stateFileName(host: "API.example.com:8443") == "api.example.com_8443.bucket")
    }

    @Test func hostResilienceSharesTheLimiterThroughTheFolder() throws {
        let behavior = HTTPBehaviorSettings(rateLimiting: RateLimitSettings(enabled: true, callsPerSecond: 5, scope: .host))
        let folder = URL(fileURLWithPath: "/p/tmp/rate-limits")
        let shared = HostResilience(behavior: behavior, clock: ManualClock(), sharedStateFolder: folder)
        #expect(shared.limiter(for: "127.0.0.1:8080")?.sharedState?.path == "/p/tmp/rate-limits/127.0.0.1_8080.bucket")
        #expect(HostResilience(behavior: behavior, clock: ManualClock()).limiter(for: "h")?.sharedState == nil)
    }

    @Test func scopeDecodesWithItsDefault() throws {
        let decode = { (json: String) in
            try SchemaFilledSettings.decode(RateLimitSettings.self, json, at: "script-behavior", "rate-limiting")
        }
        #expect(try decode("{}").scope == .run)
        #expect(try decode(#"{"scope":"fleet"}"#).scope == .fleet)
        #expect(try decode(#"{"scope":"host"}"#).scope == .host)
        #expect(throws: (any Error).self) { try decode(#"{"scope":"galaxy"}"#) }
    }

    @Test func theSchemaDocumentsScopeWithItsDefault() throws {
        let url = RunFilesTests.repositoryRoot.appendingPathComponent("schemas/org-env-config.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let behavior = (schema?["properties"] as? [String: Any])?["script-behavior"] as? [String: Any]
        let limiting = (behavior?["properties"] as? [String: Any])?["rate-limiting"] as? [String: Any]
        let scope = try #require((limiting?["properties"] as? [String: Any])?["scope"] as? [String: Any])
        #expect(scope["default"] as? String == "run")
        #expect(scope["enum"] as? [String] == ["run", "fleet", "host"])
        #expect((scope["description"] as? String)?.contains("tmp/rate-limits/") == true)
    }

    @Test func theRateLimitWaitMetricCountsSharedWaits() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clock = ManualClock()
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/items", response: .json(200, "{}"))
        let behavior = HTTPBehaviorSettings(rateLimiting: RateLimitSettings(enabled: true, callsPerSecond: 2, burstSize: 1, scope: .host))
        // Two runs ("processes"): each its own resilience and instrumentation, one state folder.
        let runs = (0..<2).map { _ in
            let instrumentation = HTTPInstrumentation()
            let client = RestClient(
                baseURL: URL(string: "https://api.example.com/v2/"), transport: transport, behavior: behavior, clock: clock,
                logger: Logger(label: "test"),
                resilience: HostResilience(behavior: behavior, clock: clock, sharedStateFolder: folder),
                random: SequenceRandomSource([0.5]), instrumentation: instrumentation)
            return (client, instrumentation)
        }
        for _ in 0..<3 {
            for (client, _) in runs { _ = try await client.get("items") }
        }
        let waits = try runs.map { try #require($0.1.collector.snapshot().host("api.example.com")).rateLimitWaitSeconds }
        // Six calls, one bucket of 2/s: five waits of 0.5 s between them, whichever run made them.
        #expect(waits == [1.0, 1.5])
        #expect(clock.totalSlept == .milliseconds(2500))
    }
}
