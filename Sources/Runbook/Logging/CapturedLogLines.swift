public import Logging
import Synchronization

/// An in-memory sink for tests: keeps every record and its formatted line (already redacted).
///
/// ```swift
/// let captured = CapturedLogLines()
/// let logging = RunLogging(redactor: redactor, clock: ManualClock(), sinks: [captured])
/// logging.makeLogger(label: "test").info("password=hunter2")
/// #expect(captured.lines == ["2025-01-25T14:30:45.000Z INFO [test] password=[REDACTED]"])
/// ```
public final class CapturedLogLines: LogSink {
    /// The lowest level captured.
    public let minimumLevel: Logger.Level
    private let format: LogLineFormat
    private let run: RunLogFields?
    private let storage = Mutex<[LogRecord]>([])

    /// Creates a capture (everything from `trace` up by default) formatting lines as `format`,
    /// with the run's fields (full id) when `run` is given.
    public init(minimumLevel: Logger.Level = .trace, format: LogLineFormat = .text, run: RunLogFields? = nil) {
        self.minimumLevel = minimumLevel
        self.format = format
        self.run = run
    }

    /// Keeps the record.
    public func write(_ record: LogRecord) {
        storage.withLock { $0.append(record) }
    }

    /// Every captured record, in order.
    public var records: [LogRecord] { storage.withLock { $0 } }

    /// Every captured record formatted as a line.
    public var lines: [String] { records.map { format.line(for: $0, run: run) } }

    /// Only the messages, in order.
    public var messages: [String] { records.map(\.message) }

    /// Forgets everything captured so far.
    public func removeAll() { storage.withLock { $0.removeAll() } }
}
