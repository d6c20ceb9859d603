import JSONSchema
import Foundation
import Logging

/// How a record becomes one line of text (`--log-format`, `script-behavior.log-format`).
///
/// - `text`: `2025-01-25T14:30:45.123Z INFO [runbook] message key=value run=<run id>`
/// - `jsonLines`: `{"ts":"2025-01-25T14:30:45.123Z","level":"info","label":"runbook","message":"message",`
///   `"runId":"0194a3b2-…","org":"acme","env":"prod","script":"customer-sync","key":"value"}`
///
/// The run's part (`run=…`, `runId`, `org`, `env`, `script`) is there when the sink was given the
/// run's `RunLogFields`. A metadata key that is one of the line's own keys is written as
/// `metadata.<key>`, so nothing is lost and no key appears twice.
public enum LogLineFormat: String, Sendable, CaseIterable {
    /// Human-readable text.
    case text
    /// One JSON object per line.
    case jsonLines = "json"

    /// Formats a record as one line (without the newline). `colour` adds ANSI colour to the
    /// level in the text format; `run` adds the run's fields, with the run id in `idForm` in the
    /// text format (always the full id in JSON).
    public func line(for record: LogRecord, colour: Bool = false, run: RunLogFields? = nil,
                     idForm: RunLogFields.IDForm = .full) -> String {
        switch self {
        case .text: Self.textLine(record, colour: colour, run: run, idForm: idForm)
        case .jsonLines: Self.jsonLine(record, run: run)
        }
    }

    static func textLine(_ record: LogRecord, colour: Bool, run: RunLogFields?, idForm: RunLogFields.IDForm) -> String {
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
        if let run {
            line += " run="
            line += idForm == .full ? run.runID.description : run.runID.short
        }
        return line
    }

    /// The keys a JSON line writes itself.
    static let jsonKeys: Set<String> = ["ts", "level", "label", "message", "runId", "org", "env", "script"]

    static func jsonLine(_ record: LogRecord, run: RunLogFields?) -> String {
        var line = #"{"ts":""# + UTCTimestamp.logLine(record.date) + #"","level":""#
        line += record.level.rawValue
        line += #"","label":"#
        line += JSONText.quoted(record.label)
        line += #","message":"#
        line += JSONText.quoted(record.message)
        if let run {
            line += #","runId":""#
            line += run.runID.description
            line += #"","org":"#
            line += JSONText.quoted(run.org)
            line += #","env":"#
            line += JSONText.quoted(run.env)
            line += #","script":"#
            line += JSONText.quoted(run.script)
        }
        for (key, value) in record.metadata {
            line += ","
            line += JSONText.quoted(jsonKeys.contains(key) ? "metadata." + key : key)
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
