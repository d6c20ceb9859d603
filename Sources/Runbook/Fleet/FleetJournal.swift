public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only journal beside a fleet record (`output/fleet_….json.journal`): one JSON line
/// per event, each written with one `write` to a file opened `O_APPEND` and flushed with `fsync`
/// before the coordinator goes on, so after a kill -9 or a power loss it holds every event up to
/// the last one that returned. A torn last line is ignored when read.
///
/// Why a journal: with 10,000 targets a full rewrite of the record after each one would write
/// 10,000 × megabytes. The coordinator appends one short line per event instead and rewrites the
/// record (atomically) only every so many events and at the end; ``FleetRecord/read(_:)`` applies
/// the lines newer than the record (each line has a sequence number, the record the last it holds).
public final class FleetJournal: @unchecked Sendable {
    /// One event.
    public struct Event: Sendable, Codable, Equatable {
        /// The line's sequence number (1, 2, …).
        public var seq: Int
        /// A target started (`index`, `pid`, `attempt`), finished (`entry`), or was skipped (`index`);
        /// or the fleet ended (`state`, `exitCode`, `finishedAt`).
        public var event: String
        /// The target's index.
        public var index: Int?
        /// The child's process id.
        public var pid: Int32?
        /// The attempt number.
        public var attempt: Int?
        /// The finished entry.
        public var entry: FleetRecord.Entry?
        /// The fleet's final state.
        public var state: FleetRecord.State?
        /// The fleet's exit code.
        public var exitCode: Int32?
        /// When the fleet ended (UTC text).
        public var finishedAt: String?

        /// Creates an event.
        public init(seq: Int = 0, event: String, index: Int? = nil, pid: Int32? = nil, attempt: Int? = nil,
                    entry: FleetRecord.Entry? = nil, state: FleetRecord.State? = nil, exitCode: Int32? = nil,
                    finishedAt: String? = nil) {
            self.seq = seq
            self.event = event
            self.index = index
            self.pid = pid
            self.attempt = attempt
            self.entry = entry
            self.state = state
            self.exitCode = exitCode
            self.finishedAt = finishedAt
        }
    }

    /// The journal file.
    public let url: URL
    private let descriptor: Int32
    private let encoder: JSONEncoder

    /// The journal of the record at `recordURL`.
    public static func url(forRecord recordURL: URL) -> URL {
        recordURL.deletingLastPathComponent().appendingPathComponent(recordURL.lastPathComponent + ".journal")
    }

    /// Opens (creating) the journal for appending.
    public init(recordURL: URL) throws(HelpfulError) {
        url = Self.url(forRecord: recordURL)
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HelpfulError(
                code: .outputCannotWrite,
                problem: "Cannot open the fleet journal \(url.lastPathComponent): \(String(cString: strerror(errno)))",
                solution: "Check that output/ exists and is writable by this user", example: "ls -ld output",
                location: .file("output/\(url.lastPathComponent)"), exitCode: .configuration)
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    deinit { close(descriptor) }

    /// Appends `event` as one line and flushes it to disk. A failure to write is returned, not thrown:
    /// the fleet goes on (the final record is still written).
    @discardableResult
    public func append(_ event: Event) -> Bool {
        guard var line = try? encoder.encode(event) else { return false }
        line.append(0x0A)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return written == line.count && fsync(descriptor) == 0
    }

    /// The events in the journal at `url` (none when it does not exist), in order; lines that do
    /// not decode (a line torn by a crash) are skipped.
    public static func events(at url: URL) -> [Event] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(Event.self, from: Data($0)) }
    }
}
