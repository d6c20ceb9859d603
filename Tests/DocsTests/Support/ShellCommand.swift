import Foundation

/// A `runbook` command line shown in a shell block of the docs: `swift run runbook …`,
/// `.build/release/runbook …` or `runbook …`, after any `VAR=value` assignments, before a `# comment`.
struct ShellCommand: Sendable, CustomStringConvertible {
    /// The arguments after `runbook`.
    let arguments: [String]
    /// The line as written.
    let text: String

    var description: String { text }

    /// Whether the command shows placeholders (`<org>`, `[options]`, `…`) rather than a real command line.
    var isSynopsis: Bool {
        arguments.contains { argument in ["<", "[", "…", "|", "$", "\""].contains { argument.contains($0) } }
    }

    /// The `runbook` commands of one shell line (several when joined with `&&`).
    static func commands(in line: String) -> [ShellCommand] {
        var text = line.hasPrefix("$ ") ? String(line.dropFirst(2)) : line
        if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
        return text.components(separatedBy: "&&").compactMap { part in
            var words = part.split(separator: " ").map(String.init)
            while let first = words.first, first.contains("="), !first.hasPrefix("-") { words.removeFirst() }
            if words.last == "&" { words.removeLast() }
            if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
            guard let program = words.first, program == "runbook" || program.hasSuffix("/runbook") else { return nil }
            return ShellCommand(arguments: Array(words.dropFirst()), text: part.trimmingCharacters(in: .whitespaces))
        }
    }
}
