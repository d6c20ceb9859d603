/// `RB-FLT-…`: fleets (`runbook fleet`, `runbook collect`, targets files, fleet records).
/// Next free: RB-FLT-017.
extension ErrorCode {
    /// RB-FLT-001: A targets file is not valid.
    public static let fleetTargetsInvalid = ErrorCode(
        .fleet, 1, meaning: "A targets file is not valid",
        fix: "Fix every entry listed; `schemas/fleet-targets.schema.json` describes the file")
    /// RB-FLT-002: Targets name org/env pairs that have no configuration.
    public static let fleetTargetsWithoutConfiguration = ErrorCode(
        .fleet, 2, meaning: "Targets name org/env pairs that have no configuration",
        fix: "Create the missing configurations, or remove those targets; `runbook validate --all` checks them")
    /// RB-FLT-003: A targets file cannot be read.
    public static let fleetTargetsUnreadable = ErrorCode(
        .fleet, 3, meaning: "A targets file cannot be read",
        fix: "Check that it exists and is readable")
    /// RB-FLT-004: `--all` found no configurations.
    public static let fleetNoConfigurations = ErrorCode(
        .fleet, 4, meaning: "`--all` found no configurations in `config/`",
        fix: "Run from the project root, or create a configuration")
    /// RB-FLT-005: Every target of the fleet record succeeded: there is nothing to rerun.
    public static let fleetNothingToRerun = ErrorCode(
        .fleet, 5, meaning: "Every target of the fleet record succeeded: there is nothing to rerun",
        fix: "Run the whole fleet again with `--targets`, or rerun a record that has failed targets")
    /// RB-FLT-006: The fleet record is a fleet of another script.
    public static let fleetRecordOfAnotherScript = ErrorCode(
        .fleet, 6, meaning: "The fleet record is a fleet of another script",
        fix: "Name the script the fleet ran")
    /// RB-FLT-007: The fleet is still running.
    public static let fleetStillRunning = ErrorCode(
        .fleet, 7, meaning: "The fleet of the record is still running",
        fix: "Wait for it to end, or stop its coordinator and resume then")
    /// RB-FLT-008: A fleet record cannot be found or read.
    public static let fleetRecordUnreadable = ErrorCode(
        .fleet, 8, meaning: "A fleet record cannot be found or read",
        fix: "Give the path of an `output/fleet_….json` file")
    /// RB-FLT-009: A file is not a fleet record, or its targets cannot be rerun.
    public static let fleetRecordInvalid = ErrorCode(
        .fleet, 9, meaning: "A file is not a usable fleet record",
        fix: "Give a record written by `runbook fleet` or `runbook collect`, or write a targets file by hand")
    /// RB-FLT-010: A folder given to `runbook collect` is not a folder.
    public static let fleetCollectNotAFolder = ErrorCode(
        .fleet, 10, meaning: "A folder given to `runbook collect` is not a folder",
        fix: "Name folders that hold run records")
    /// RB-FLT-011: `runbook collect` found no run records.
    public static let fleetCollectNoRecords = ErrorCode(
        .fleet, 11, meaning: "`runbook collect` found no run records",
        fix: "Check the folders (records are named `{org}-{env}-{script}-results_<UTC>_<id>.json`)")
    /// RB-FLT-012: The folders hold run records of several scripts.
    public static let fleetCollectSeveralScripts = ErrorCode(
        .fleet, 12, meaning: "The folders given to `runbook collect` hold run records of several scripts",
        fix: "Choose one with `--script`")
    /// RB-FLT-013: A target's run ended with an error without writing its run record.
    public static let fleetTargetWithoutRecord = ErrorCode(
        .fleet, 13, meaning: "A target's run failed without writing its run record",
        fix: "Read its output and its log in `logs/`")
    /// RB-FLT-014: A target's run was killed by a signal.
    public static let fleetTargetKilled = ErrorCode(
        .fleet, 14, meaning: "A target's run was killed by a signal",
        fix: "Read its output and its log in `logs/`; the other targets were not affected")
    /// RB-FLT-015: A target's run could not be started.
    public static let fleetTargetNotStarted = ErrorCode(
        .fleet, 15, meaning: "A target's run could not be started",
        fix: "Check that the runbook executable exists and can be run")
    /// RB-FLT-016: A target's run did not finish within `--target-timeout`.
    public static let fleetTargetTimedOut = ErrorCode(
        .fleet, 16, meaning: "A target's run did not finish within `--target-timeout` and was stopped",
        fix: "Find out why it hangs (its log in `logs/`), or allow more time with `--target-timeout`")
}
