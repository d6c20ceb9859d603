import ArgumentParser
import Runbook

/// The command line as typed, for reporting errors the argument parser found: which subcommand it
/// names, whether it asks for `--json`, and the `HelpfulError` (exit 64) for a parser error.
struct CommandLineUsage {
    let arguments: [String]

    /// The arguments before a `--` terminator (after it, everything belongs to a script).
    private var options: ArraySlice<String> {
        arguments.prefix { $0 != "--" }
    }

    /// Whether the command line asks for JSON output (so errors are JSON too).
    var asksForJSON: Bool {
        options.contains("--json")
    }

    /// The subcommand the command line names, if any.
    var subcommand: (any ParsableCommand.Type)? {
        let names = RunbookCommand.configuration.subcommands
        guard let first = options.first(where: { !$0.hasPrefix("-") }) else { return nil }
        return names.first { $0.configuration.commandName == first }
    }

    /// The `HelpfulError` for an error of the argument parser: its message, the usage of the command
    /// it concerns, and where to read more.
    func helpfulError(for error: any Error) -> HelpfulError {
        var problem = RunbookCommand.message(for: error)
        if problem.hasPrefix("Error: ") { problem.removeFirst("Error: ".count) }
        // One line: "… one of the following:\n  - trace\n  - debug" → "… one of the following: trace, debug".
        let lines = problem.split(separator: "\n").map { $0.drop { $0 == " " || $0 == "-" } }
        if let first = lines.first, lines.count > 1 {
            problem = first + " " + lines.dropFirst().joined(separator: ", ")
        }
        let command = subcommand
        let helpCommand = command.map { "runbook help \($0.configuration.commandName ?? "")" } ?? "runbook --help"
        let usage = command.map { RunbookCommand.usageString(for: $0) } ?? RunbookCommand.usageString()
        let habit = problem.contains("'--debug'") ? ScriptArguments.debugHint + ". " : ""
        return HelpfulError(
            code: .usageCommandLine,
            problem: problem.isEmpty ? "Invalid command line" : problem,
            solution: habit + "Check the arguments and options: `\(helpCommand)` lists them",
            example: usage.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "),
            exitCode: .usage)
    }
}
