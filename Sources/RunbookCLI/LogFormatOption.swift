import ArgumentParser
import Runbook

/// `--log-format`: console and log file lines as text or JSON (wins over `script-behavior.log-format`).
enum LogFormatOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json

    var format: LogLineFormat {
        switch self {
        case .text: .text
        case .json: .jsonLines
        }
    }
}
