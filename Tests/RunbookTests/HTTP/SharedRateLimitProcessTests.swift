import Foundation
import RunbookTesting
import Testing

/// The shared rate limit between real processes: three `runbook-rate-limit-helper` processes take
/// 20 tokens each from one state file (0.5 calls/s, burst 2) on the machine-wide clock, without
/// sleeping. Together they get the slots of one bucket: the k-th grant of all (in slot order) is
/// never earlier than `start + (k + 1 - burst) / rate`. Buckets of their own would give each
/// process its own burst and rate (three grants at the start, the last one after ~38 s instead of 116 s).
/// Nothing here depends on how fast the machine is: the slots come from the bucket, not from a timer.
@Suite struct SharedRateLimitProcessTests {
    static func helper() throws -> URL {
        try BuiltExecutable.url(named: "runbook-rate-limit-helper")
    }

    /// Runs the helper to its end without blocking the cooperative pool; its `(reserved, slot)` pairs.
    static func grants(file: URL, rate: Double, burst: Int, count: Int) async throws -> [(reserved: Int64, slot: Int64)] {
        let process = Process()
        process.executableURL = try helper()
        process.arguments = [file.path, String(rate), String(burst), String(count)]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-grants-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        #expect(status == 0)
        return try String(contentsOf: output, encoding: .utf8).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").compactMap { Int64($0) }
            return fields.count == 2 ? (fields[0], fields[1]) : nil
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func threeProcessesTogetherKeepToOneBucket() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tmp/rate-limits/127.0.0.1_8080.bucket")
        let (rate, burst, count) = (0.5, 2, 20)
        let all = try await withThrowingTaskGroup(of: [(reserved: Int64, slot: Int64)].self) { group in
            for _ in 0..<3 { group.addTask { try await Self.grants(file: file, rate: rate, burst: burst, count: count) } }
            var all: [(reserved: Int64, slot: Int64)] = []
            for try await grants in group { all += grants }
            return all
        }
        try #require(all.count == 3 * count)
        let start = try #require(all.map(\.reserved).min())
        let slots = all.map(\.slot).sorted()
        let interval = 1e9 / rate
        for (k, slot) in slots.enumerated() {
            let earliest = Double(start) + Double(k + 1 - burst) * interval
            #expect(Double(slot) >= earliest - 1_000, "grant \(k): \(Double(slot - start) / 1e9) s after the start, one bucket allows \((earliest - Double(start)) / 1e9) s")
        }
        #expect(slots.filter { $0 <= start }.count <= burst, "one burst for all three")
    }
}
