/// The exit code of a whole fleet, from its targets' exit codes (docs/fleets.md):
///
/// | code | when |
/// |---|---|
/// | 0 | every target succeeded |
/// | 2 | some completed with failures (exit 2), none failed |
/// | 1 | some failed (any exit other than 0, 2 and 75, or a target that never ran) |
/// | 75 | the only failures were temporary (every failed target exited 75): retry later |
/// | 130 | the fleet was interrupted |
public enum FleetExitCode {
    /// The fleet's code for these entries in this state.
    public static func code(for entries: [FleetRecord.Entry], state: FleetRecord.State) -> ExitCode {
        if state == .interrupted { return .interrupted }
        var completedWithFailures = false
        var temporary = false
        for entry in entries {
            guard entry.status == .finished, let exit = entry.exitCode else {
                // Never ran (halted fleet) or never finished: the fleet did not do its job.
                return .scriptFailed
            }
            switch exit {
            case ExitCode.success.rawValue: continue
            case ExitCode.completedWithFailures.rawValue: completedWithFailures = true
            case ExitCode.temporaryFailure.rawValue: temporary = true
            default: return .scriptFailed
            }
        }
        if temporary { return completedWithFailures ? .scriptFailed : .temporaryFailure }
        return completedWithFailures ? .completedWithFailures : .success
    }
}
