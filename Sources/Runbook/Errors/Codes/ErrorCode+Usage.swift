/// `RB-USG-…`: the command line. Next free: RB-USG-012.
extension ErrorCode {
    /// RB-USG-001: The command line is not valid (unknown option, missing or extra argument).
    public static let usageCommandLine = ErrorCode(
        .usage, 1, meaning: "The command line is not valid (unknown option, missing or extra argument)",
        fix: "Check the arguments and options: `runbook help <command>` lists them")
    /// RB-USG-002: No script has the name given.
    public static let usageUnknownScript = ErrorCode(
        .usage, 2, meaning: "No script has the name given",
        fix: "Use a name that `runbook list` shows (the error suggests the closest one)")
    /// RB-USG-003: `runbook run` is missing the script, the org or the env.
    public static let usageMissingArgument = ErrorCode(
        .usage, 3, meaning: "`runbook run` is missing the script, the org or the env",
        fix: "Give all three: `runbook run <script> <org> <env>`")
    /// RB-USG-004: The script's own options are not valid.
    public static let usageScriptOptions = ErrorCode(
        .usage, 4, meaning: "The script's own options are not valid",
        fix: "Check them with `runbook run <script> <org> <env> --help`")
    /// RB-USG-005: `runbook history` got an incomplete filter or a bad `--last`.
    public static let usageHistoryFilter = ErrorCode(
        .usage, 5, meaning: "`runbook history` got an incomplete filter or a bad `--last`",
        fix: "Give a script, an org and env, or all three; `--last` takes a positive number")
    /// RB-USG-006: `runbook new` did not find a Runbook package (no Package.swift).
    public static let usageNotAPackage = ErrorCode(
        .usage, 6, meaning: "`runbook new` did not find a Runbook package (no Package.swift)",
        fix: "Run it from the project root, or pass `--project-root`")
    /// RB-USG-007: A new script's name is not lower-case words joined by '-'.
    public static let usageInvalidScriptName = ErrorCode(
        .usage, 7, meaning: "A new script's name is not lower-case words joined by '-'",
        fix: "Use a name like `invoice-reminder`: it becomes the command name")
    /// RB-USG-008: A script target with that name already exists.
    public static let usageScriptExists = ErrorCode(
        .usage, 8, meaning: "A script target with that name already exists",
        fix: "Choose another name, or edit the existing script")
    /// RB-USG-009: A `--registry` option is not `URI-PREFIX=DIR`.
    public static let usageRegistryOption = ErrorCode(
        .usage, 9, meaning: "A `--registry` option is not `URI-PREFIX=DIR`",
        fix: "Give the URI prefix the references use and the folder that holds those files")
    /// RB-USG-010: The run id given matches several runs.
    public static let usageRunIdAmbiguous = ErrorCode(
        .usage, 10, meaning: "The run id given matches several runs",
        fix: "Give more of the run id, so that only one run matches")
    /// RB-USG-011: No run record has the run id given.
    public static let usageRunIdUnknown = ErrorCode(
        .usage, 11, meaning: "No run record has the run id given",
        fix: "Use a run id (or its start) from `runbook history`")
}
