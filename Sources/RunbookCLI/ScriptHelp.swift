import ArgumentParser
import Runbook

/// A script's `--help`: its options, under the command line that really runs it.
enum ScriptHelp {
    /// The help text, ending with a newline.
    static func text(for script: any Script.Type, columns: Int = 100) -> String {
        var lines = script.helpMessage(columns: columns).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let index = lines.firstIndex(where: { $0.hasPrefix("USAGE: ") }) {
            // The argument parser names a ParsableArguments type after itself (`hello_world`).
            let usage = lines[index].dropFirst("USAGE: ".count)
            let options = usage.drop { $0 != " " }
            lines[index] = "USAGE: runbook run \(script.name) <org> <env>" + options
        }
        while lines.last == "" { lines.removeLast() }
        lines += [
            "",
            "RUNNER OPTIONS:",
            "  --dry-run               Read and report without changing anything.",
            "  --log-level <level>     Console log level: \(LogLevelOption.allCases.map(\.rawValue).joined(separator: ", ")).",
            "  --log-format <format>   Log lines as \(LogFormatOption.allCases.map(\.rawValue).joined(separator: " or ")).",
            "  --json                  Errors and the results report as JSON.",
            "  --project-root <dir>    The project folder (config/, schemas/, data/, output/).",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
