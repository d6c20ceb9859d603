/// The version of Runbook: what `runbook --version` prints, and what a run record can name.
///
/// ```swift
/// context.logger.info("Runbook \(RunbookVersion.current)")
/// ```
public enum RunbookVersion {
    /// The version of this build of Runbook (semantic versioning).
    public static let current = "0.1.0"
}
