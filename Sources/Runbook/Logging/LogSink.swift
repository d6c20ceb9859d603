public import Logging

/// A destination for redacted log records: the console, a file, an in-memory capture.
/// A sink ignores records below its `minimumLevel`.
public protocol LogSink: Sendable {
    /// The lowest level this sink writes.
    var minimumLevel: Logger.Level { get }
    /// Writes one record (already redacted).
    func write(_ record: LogRecord)
    /// Makes sure everything written so far has reached its destination.
    func flush()
}

extension LogSink {
    /// Does nothing by default.
    public func flush() {}
}
