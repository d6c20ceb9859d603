import JSONSchema
import Foundation
import Logging

/// How a record becomes one line of text.
///
/// - `text`: `2025-01-25T14:30:45.123Z INFO [runbook] message key=value`
/// - `jsonLines`: `{"ts":"2025-01-25T14:30:45.123Z","level":"info","label":"runbook","message":"message","key":"value"}`
public enum LogLineFormat: String, Sendable, CaseIterable {
    /// Human-readable text.
    case text
    /// One JSON object per line.
    case jsonLines = "json"

    /// Formats a record as one line (without the newline). `colour` adds ANSI colour to the
    /// level in the text format.
    public func line(for record: LogRecord, colour: Bool = false) -> String {
        switch self {
        case .text: Self.textLine(record, colour: colour)
        case .jsonLines: Self.jsonLine(record)
        }
    }

    static func textLine(_ record: LogRecord, colour: Bool) -> String {
        var line = UTCTimestamp.logLine(record.date)
        line += " "
        let name = record.level.displayName
        if colour {
            line += record.level.ansiColour + name + "\u{1B}[0m"
        } else {
            line += name
        }
        line += " ["
        line += record.label
        line += "] "
        line += record.message
        for (key, value) in record.metadata {
            line += " "
            line += key
            line += "="
            line += value.contains(" ") ? "\"\(value)\"" : value
        }
        return line
    }

    static func jsonLine(_ record: LogRecord) -> String {
        var line = #"{"ts":""# + UTCTimestamp.logLine(record.date) + #"","level":""#
        line += record.level.rawValue
        line += #"","label":"#
        line += JSONText.quoted(record.label)
        line += #","message":"#
        line += JSONText.quoted(record.message)
        for (key, value) in record.metadata where !["ts", "level", "label", "message"].contains(key) {
            line += ","
            line += JSONText.quoted(key)
            line += ":"
            line += JSONText.quoted(value)
        }
        line += "}"
        return line
    }
}

extension Logger.Level {
    /// `TRACE`, `DEBUG`, `INFO`, `NOTICE`, `WARNING`, `ERROR`, `CRITICAL`.
    var displayName: String { rawValue.uppercased() }

    var ansiColour: String {
        switch self {
        case .trace, .debug: "\u{1B}[2m"
        case .info: "\u{1B}[32m"
        case .notice: "\u{1B}[36m"
        case .warning: "\u{1B}[33m"
        case .error: "\u{1B}[31m"
        case .critical: "\u{1B}[1;31m"
        }
    }
}

/// JSON string escaping.
enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        JSONStringLiteral.quoted(text)
    }
}
