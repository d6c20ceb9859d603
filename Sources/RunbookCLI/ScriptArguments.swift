import ArgumentParser
import Runbook

/// The arguments of `runbook run` that belong to the script: whatever the runner's parser did not
/// recognise, in order, plus everything after `--` untouched. `-h`/`--help` (before `--`) ask for
/// the script's help instead of a run.
struct ScriptArguments: Equatable {
    /// The arguments the script parses.
    var arguments: [String] = []
    /// Whether `-h` or `--help` was given.
    var wantsHelp = false

    /// Splits the unrecognised arguments of `runbook run`.
    init(_ unrecognized: [String]) {
        var rest = unrecognized[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--":
                arguments += rest
                return
            case "-h", "--help":
                wantsHelp = true
            default:
                arguments.append(argument)
            }
        }
    }

    /// Throws a usage error for habits from other tools that the script does not accept itself
    /// (`--debug` from the Python template: Runbook's is `--log-level debug`).
    func checkHabits(of script: any Script.Type, org: String, env: String) throws(HelpfulError) {
        guard arguments.contains("--debug"), (try? script.parse(arguments)) == nil else { return }
        throw HelpfulError(
            code: .usageCommandLine,
            problem: "Unknown option '--debug'", solution: Self.debugHint,
            example: "runbook run \(script.name) \(org) \(env) --log-level debug", exitCode: .usage)
    }

    /// What to use instead of `--debug`.
    static let debugHint = "Runbook sets the console log level with --log-level: use --log-level debug "
        + "(the log file in logs/ always gets debug lines)"

    /// The usage error for a missing `<script>`, `<org>` or `<env>`.
    static func missing(_ name: String, catalog: ScriptCatalog) -> HelpfulError {
        HelpfulError(
            code: .usageMissingArgument,
            problem: "Missing expected argument '<\(name)>'",
            solution: "Give the script, the organisation and the environment: runbook run <script> <org> <env>",
            example: "runbook run \(catalog.names.first ?? "hello-world") demo test",
            exitCode: .usage)
    }
}
