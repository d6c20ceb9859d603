import Foundation

/// The one renderer for every `HelpfulError`: plain text, coloured text (only on a terminal and
/// never under `NO_COLOR`), or JSON (`--json`). Secret values are removed from every field by the
/// `redact` function it is given; nothing else is rewritten, so the message is never mangled.
///
/// ```
/// ❌ Problem: config/acme-prod-config.yaml does not match the configuration schema (1 problem)
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
    private let redact: @Sendable (String) -> String

    /// Creates a renderer. `redact` removes secret values from text (identity by default).
    public init(style: Style, redact: @escaping @Sendable (String) -> String = { $0 }) {
        self.style = style
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
        switch style {
        case .json: renderJSON(error)
        case .plain: renderText(error, colored: false)
        case .color: renderText(error, colored: true)
        }
    }

    private func renderText(_ error: HelpfulError, colored: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String {
            colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
        var lines = [paint("❌ Problem:", "1;31") + " " + redact(error.problem)]
        lines += error.details.map { "   " + redact($0) }
        if let location = error.location, !location.description.isEmpty {
            lines.append(paint("📍 Where:", "1;33") + " " + redact(location.description))
        }
        lines.append(paint("✅ Solution:", "1;32") + " " + redact(error.solution))
        if let example = error.example, !example.isEmpty {
            lines.append(paint("📝 Example:", "1;36"))
            lines += redact(example).split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderJSON(_ error: HelpfulError) -> String {
        let payload = Payload(
            problem: redact(error.problem),
            solution: redact(error.solution),
            example: error.example.map(redact),
            location: error.location.map { location in
                var copy = location
                copy.url = location.url.map(redact)
                copy.origin = location.origin.map(redact)
                return copy
            },
            details: error.details.map(redact),
            exitCode: error.exitCode.rawValue
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["error": payload])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Payload: Encodable {
        let problem: String
        let solution: String
        let example: String?
        let location: ErrorLocation?
        let details: [String]
        let exitCode: Int32
    }
}
