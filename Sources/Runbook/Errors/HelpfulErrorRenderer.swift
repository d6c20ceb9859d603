import Foundation

/// The one renderer for every `HelpfulError`: plain text, coloured text (only on a terminal and
/// never under `NO_COLOR`), or JSON (`--json`). Every error goes through the same redaction as a
/// log line (`HelpfulError.redacted(by:)`: the run's known secret values and the patterns, field
/// by field) before it is laid out, so a service message that echoes a token is never shown,
/// and a `file:line:column` or a key path is never mangled. The first line carries the error's
/// code (`docs/errors.md` lists them all); the JSON form has it as `"code"`.
///
/// ```
/// ❌ Problem [RB-CFG-010]: config/acme-prod-config.yaml does not match the configuration schema (1 problem)
///    config/acme-prod-config.yaml:14:17: script-behavior.rate-limiting.burst-size: must be an integer, found 1.5
/// 📍 Where: config/acme-prod-config.yaml:14:17 (key script-behavior.rate-limiting.burst-size)
/// ✅ Solution: Fix every value listed. …
/// 📝 Example:
///    runbook validate <org> <env>
/// ```
public struct HelpfulErrorRenderer: Sendable {
    /// The output form.
    public enum Style: Sendable, Equatable {
        /// Plain text.
        case plain
        /// Text with ANSI colours.
        case color
        /// One JSON object.
        case json
    }

    /// The chosen style.
    public let style: Style
    private let redactor: Redactor
    private let redact: @Sendable (String) -> String

    /// Creates a renderer over a run's redactor (without one: the built-in patterns, no known
    /// values). `redact`, if given, is applied to every field afterwards.
    public init(style: Style, redactor: Redactor? = nil, redact: @escaping @Sendable (String) -> String = { $0 }) {
        self.style = style
        self.redactor = redactor ?? .builtInPatterns
        self.redact = redact
    }

    /// The style for an output stream: JSON when asked, colour only on a terminal without `NO_COLOR`.
    public static func style(json: Bool, isTerminal: Bool, environment: [String: String]) -> Style {
        if json { return .json }
        if !isTerminal || environment["NO_COLOR"] != nil || environment["TERM"] == "dumb" { return .plain }
        return .color
    }

    /// The rendered error, ending with a newline.
    public func render(_ error: HelpfulError) -> String {
        let error = error.redacted(by: redactor).redacted(redact)
        return switch style {
        case .json: renderJSON(error)
        case .plain: renderText(error, colored: false)
        case .color: renderText(error, colored: true)
        }
    }

    private func renderText(_ error: HelpfulError, colored: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String {
            colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
        var lines = [paint("❌ Problem [\(error.code)]:", "1;31") + " " + error.problem]
        lines += error.details.map { "   " + $0 }
        if let location = error.location, !location.description.isEmpty {
            lines.append(paint("📍 Where:", "1;33") + " " + location.description)
        }
        lines.append(paint("✅ Solution:", "1;32") + " " + error.solution)
        if let example = error.example, !example.isEmpty {
            lines.append(paint("📝 Example:", "1;36"))
            lines += example.split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderJSON(_ error: HelpfulError) -> String {
        let payload = Payload(
            code: error.code.identifier,
            problem: error.problem,
            solution: error.solution,
            example: error.example,
            location: error.location,
            details: error.details,
            exitCode: error.exitCode.rawValue
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["error": payload])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Payload: Encodable {
        let code: String
        let problem: String
        let solution: String
        let example: String?
        let location: ErrorLocation?
        let details: [String]
        let exitCode: Int32
    }
}
