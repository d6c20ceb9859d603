import Foundation
import JSONSchema
import Runbook
import Testing

/// The fleet record: the journal makes it true between rewrites, it validates against its schema,
/// and the fleet's exit code follows the documented table.
@Suite struct FleetRecordTests {
    static func record(targets: Int) -> FleetRecord {
        FleetRecord(
            fleetId: RunID.generate(at: Date(timeIntervalSince1970: 1_800_000_000)), script: "customer-sync",
            host: "batch-01", user: "ops", coordinatorPid: 42, startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            maxParallel: 2, targets: (0..<targets).map { FleetRecord.Entry(FleetTarget(org: "org\($0)", env: "prod", index: $0)) })
    }

    static func finished(_ index: Int, exit: Int32) -> FleetRecord.Entry {
        FleetRecord.Entry(
            index: index, org: "org\(index)", env: "prod", status: .finished, runId: RunID.generate(at: Date()),
            outcome: RunRecord.Outcome(ExitCode(rawValue: exit) ?? .scriptFailed), exitCode: exit, durationSeconds: 1.5,
            attempts: 1, counts: ProcessingResults.Counts(created: 1), recordPath: "output/org\(index)-prod/x.json")
    }

    @Test func theJournalKeepsTheRecordTrueBetweenRewrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-record-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("output/fleet.json")
        // 100 targets: the record is rewritten every 16 events; in between only the journal knows.
        let recorder = try FleetRecorder(record: Self.record(targets: 100), url: url)
        recorder.started(index: 0, pid: 1000, attempt: 1)
        recorder.started(index: 1, pid: 1001, attempt: 1)
        let done = Self.finished(0, exit: 0)
        recorder.finished(done)
        let onDisk = try JSONDecoder().decode(FleetRecord.self, from: Data(contentsOf: url))
        #expect(onDisk.targets[0].status == .pending)
        let read = try FleetRecord.read(url)
        #expect(read.targets[0] == done)
        #expect(read.targets[1].status == .running)
        #expect(read.targets[2].status == .pending)
        #expect(read.journalSequence == 3)
        // A line torn by a crash is ignored.
        let handle = try FileHandle(forWritingTo: FleetJournal.url(forRecord: url))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"seq":4,"event":"finished","entry":{"ind"#.utf8))
        try handle.close()
        #expect(try FleetRecord.read(url) == read)
    }

    @Test func recordsValidateAgainstTheSchema() throws {
        let schemaURL = FleetTargetsFileTests.repositoryRoot.appendingPathComponent("schemas/fleet-record.schema.json")
        let schema = try CompiledSchema(try JSONParser.parse(Array(try Data(contentsOf: schemaURL))))
        var record = Self.record(targets: 3)
        record.targets[0] = Self.finished(0, exit: 0)
        record.targets[1] = Self.finished(1, exit: 75)
        record.targets[1].error = RunRecord.Failure(HelpfulError(problem: "HTTP 503", solution: "Retry later", exitCode: .temporaryFailure))
        record.targets[2].status = .skipped
        for state in FleetRecord.State.allCases {
            record.state = state
            record.finishedAt = state == .running ? nil : Date(timeIntervalSince1970: 1_800_000_060)
            record.exitCode = state == .running ? nil : 1
            let violations = schema.validate(try JSONParser.parse(Array(try record.jsonData()))).violations
            #expect(violations.map { "\($0.instanceLocation): \($0.message)" } == [])
            #expect(try JSONDecoder().decode(FleetRecord.self, from: record.jsonData()) == record)
        }
        // The schema refuses what the record never holds.
        let broken = try record.jsonData().replacingOccurrences(of: "\"skipped\"", with: "\"lost\"")
        #expect(!schema.validate(try JSONParser.parse(Array(broken))).violations.isEmpty)
    }

    static let exitCodes: [([Int32], FleetRecord.State, ExitCode)] = [
        ([0, 0], .finished, .success),
        ([0, 2], .finished, .completedWithFailures),
        ([0, 75], .finished, .temporaryFailure),
        ([75, 75], .finished, .temporaryFailure),
        ([2, 75], .finished, .scriptFailed),
        ([0, 1], .finished, .scriptFailed),
        ([78, 75], .finished, .scriptFailed),
        ([0, 0], .interrupted, .interrupted),
    ]

    @Test(arguments: exitCodes)
    func theFleetExitCode(_ codes: [Int32], _ state: FleetRecord.State, _ expected: ExitCode) {
        let entries = codes.enumerated().map { Self.finished($0.offset, exit: $0.element) }
        #expect(FleetExitCode.code(for: entries, state: state) == expected)
    }

    @Test func aTargetThatNeverRanFailsTheFleet() {
        var entries = [Self.finished(0, exit: 0), Self.finished(1, exit: 0)]
        entries[1].status = .skipped
        #expect(FleetExitCode.code(for: entries, state: .halted) == .scriptFailed)
    }
}

extension FleetRecord.Entry {
    func with(attempts: Int) -> Self {
        var copy = self
        copy.attempts = attempts
        return copy
    }
}

extension Data {
    func replacingOccurrences(of text: String, with replacement: String) throws -> Data {
        Data(String(decoding: self, as: UTF8.self).replacingOccurrences(of: text, with: replacement).utf8)
    }
}
