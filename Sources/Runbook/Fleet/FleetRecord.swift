public import Foundation

/// The record of one fleet (`runbook fleet`, `runbook collect`): every target with its run id,
/// outcome, exit code, duration, counts and record path, written as `output/fleet_<UTC>_<12 hex>.json`
/// (schema `schemas/fleet-record.schema.json`, docs/fleets.md).
///
/// While the fleet runs, the record is kept true by an append-only journal beside it
/// (``FleetJournal``, `…json.journal`, one fsync'd line per event) and rewritten atomically from time
/// to time; ``read(_:)`` applies the journal lines newer than the record, so a reader (and
/// `--resume` after a kill -9) always sees every target that finished.
///
/// Outcomes use the run record's words (``RunRecord/Outcome``: `succeeded`, `completedWithFailures`,
/// `failed`, `interrupted`, `configurationError`, `usageError`, `temporaryFailure`).
///
/// ```swift
/// let record = try FleetRecord.read(url)
/// let failed = record.targets.filter { $0.outcome != .succeeded }
/// ```
public struct FleetRecord: Sendable, Codable, Equatable {
    /// Where the fleet is.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Targets are still running (or the coordinator was killed: see ``coordinatorPid``).
        case running
        /// Every target ran.
        case finished
        /// The failure budget (`--halt-after`) ran out: the targets not started are `skipped`.
        case halted
        /// Ctrl-C or SIGTERM stopped the fleet: running targets were interrupted, the rest skipped.
        case interrupted
    }

    /// The fleet's id (a UUIDv7, like a run id).
    public var fleetId: RunID
    /// The script every target runs.
    public var script: String
    /// The Runbook version of the coordinator.
    public var runbookVersion: String
    /// The coordinator's host.
    public var host: String
    /// The coordinator's user.
    public var user: String
    /// The coordinator's process id (nil in a record made by `runbook collect`).
    public var coordinatorPid: Int32?
    /// When the fleet started (UTC, milliseconds).
    public var startedAt: Date
    /// When the fleet ended; nil while it runs.
    public var finishedAt: Date?
    /// Where the fleet is.
    public var state: State
    /// The fleet's exit code (``FleetExitCode``); nil while it runs.
    public var exitCode: Int32?
    /// `--max-parallel`.
    public var maxParallel: Int
    /// The last journal line applied to this record (0: none).
    public var journalSequence: Int
    /// Every target, in targets-file order.
    public var targets: [Entry]

    /// Creates a record.
    public init(
        fleetId: RunID, script: String, runbookVersion: String = RunbookVersion.current, host: String = "", user: String = "",
        coordinatorPid: Int32? = nil, startedAt: Date, finishedAt: Date? = nil, state: State = .running,
        exitCode: Int32? = nil, maxParallel: Int, journalSequence: Int = 0, targets: [Entry]
    ) {
        self.fleetId = fleetId
        self.script = script
        self.runbookVersion = runbookVersion
        self.host = host
        self.user = user
        self.coordinatorPid = coordinatorPid
        self.startedAt = RecordTimestamp.truncatedToMilliseconds(startedAt)
        self.finishedAt = finishedAt.map(RecordTimestamp.truncatedToMilliseconds)
        self.state = state
        self.exitCode = exitCode
        self.maxParallel = maxParallel
        self.journalSequence = journalSequence
        self.targets = targets
    }

    /// The record's file name in `output/`: `fleet_<UTC start>_<last 12 hex digits of the fleet id>.json`.
    public var fileName: String {
        "fleet_\(UTCTimestamp.fileName(startedAt))_\(fleetId.short).json"
    }

    /// Decodes a record.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fleetId = try container.decode(RunID.self, forKey: .fleetId)
        script = try container.decode(String.self, forKey: .script)
        runbookVersion = try container.decode(String.self, forKey: .runbookVersion)
        host = try container.decode(String.self, forKey: .host)
        user = try container.decode(String.self, forKey: .user)
        coordinatorPid = try container.decodeIfPresent(Int32.self, forKey: .coordinatorPid)
        startedAt = try Self.date(container.decode(String.self, forKey: .startedAt), container, .startedAt)
        finishedAt = try container.decodeIfPresent(String.self, forKey: .finishedAt).map { try Self.date($0, container, .finishedAt) }
        state = try container.decode(State.self, forKey: .state)
        exitCode = try container.decodeIfPresent(Int32.self, forKey: .exitCode)
        maxParallel = try container.decode(Int.self, forKey: .maxParallel)
        journalSequence = try container.decodeIfPresent(Int.self, forKey: .journalSequence) ?? 0
        targets = try container.decode([Entry].self, forKey: .targets)
    }

    /// Encodes the record; the times as `2025-01-25T14:30:45.123Z`, `finishedAt` and `exitCode` as
    /// `null` while the fleet runs.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fleetId, forKey: .fleetId)
        try container.encode(script, forKey: .script)
        try container.encode(runbookVersion, forKey: .runbookVersion)
        try container.encode(host, forKey: .host)
        try container.encode(user, forKey: .user)
        try container.encodeIfPresent(coordinatorPid, forKey: .coordinatorPid)
        try container.encode(RecordTimestamp.format(startedAt), forKey: .startedAt)
        try container.encode(finishedAt.map(RecordTimestamp.format), forKey: .finishedAt)
        try container.encode(state, forKey: .state)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(maxParallel, forKey: .maxParallel)
        try container.encode(journalSequence, forKey: .journalSequence)
        try container.encode(targets, forKey: .targets)
    }

    private static func date(_ text: String, _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        guard let date = RecordTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a UTC timestamp: \(text)")
        }
        return date
    }

    private enum CodingKeys: String, CodingKey {
        case fleetId, script, runbookVersion, host, user, coordinatorPid, startedAt, finishedAt, state, exitCode
        case maxParallel, journalSequence, targets
    }
}
