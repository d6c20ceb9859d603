/// The runner's own flags, taken out of the arguments that follow `<script> <org> <env>` so they
/// may appear anywhere; what remains belongs to the script's options.
struct RunnerFlags: Equatable {
    var dryRun = false
    var json = false
    var logLevel: String?
    var projectRoot: String?
    var help = false
    var scriptArguments: [String] = []

    /// Splits `arguments`. `--log-level X`, `--log-level=X`, `--project-root X`, `--dry-run`,
    /// `--json`, `-h`/`--help` are the runner's; everything after `--` goes to the script untouched.
    init(_ arguments: [String]) {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--":
                scriptArguments += arguments[index...]
                return
            case "--dry-run": dryRun = true
            case "--json": json = true
            case "-h", "--help": help = true
            case "--log-level", "--project-root":
                let value = index < arguments.endIndex ? arguments[index] : nil
                if value != nil { index += 1 }
                if argument == "--log-level" { logLevel = value ?? "" } else { projectRoot = value ?? "" }
            default:
                if argument.hasPrefix("--log-level=") {
                    logLevel = String(argument.dropFirst("--log-level=".count))
                } else if argument.hasPrefix("--project-root=") {
                    projectRoot = String(argument.dropFirst("--project-root=".count))
                } else {
                    scriptArguments.append(argument)
                }
            }
        }
    }
}
