public import Foundation
public import Logging

/// One log record after redaction: what every sink receives. The message, the error
/// description and every metadata value have already passed the run's `Redactor`.
public struct LogRecord: Sendable {
    /// When the record was made (from the run's clock).
    public var date: Date
    /// The level.
    public var level: Logger.Level
    /// The logger's label (e.g. `runbook`, `customer-sync`, `swift-http`).
    public var label: String
    /// The redacted message.
    public var message: String
    /// Redacted metadata, sorted by key.
    public var metadata: [(key: String, value: String)]

    /// Creates a record.
    public init(date: Date, level: Logger.Level, label: String, message: String,
                metadata: [(key: String, value: String)] = []) {
        self.date = date
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
    }
}
