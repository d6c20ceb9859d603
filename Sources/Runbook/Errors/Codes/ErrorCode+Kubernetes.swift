/// `RB-KUBE-…`: `runbook kubernetes` (manifests, run-local) and the pod form of `runbook run`.
/// Next free: RB-KUBE-008.
extension ErrorCode {
    /// RB-KUBE-001: A `runbook kubernetes` setting is not valid.
    public static let kubeSetting = ErrorCode(
        .kubernetes, 1, meaning: "A `runbook kubernetes` setting is not valid",
        fix: "Change it as the error says and run `runbook kubernetes` again")
    /// RB-KUBE-002: A manifest cannot be found or read.
    public static let kubeManifestMissing = ErrorCode(
        .kubernetes, 2, meaning: "A manifest cannot be found or read",
        fix: "Give the folder or file `runbook kubernetes` wrote")
    /// RB-KUBE-003: The manifests are not what `runbook kubernetes` writes.
    public static let kubeManifestInvalid = ErrorCode(
        .kubernetes, 3, meaning: "The manifests are not what `runbook kubernetes` writes",
        fix: "Run the manifests `runbook kubernetes --output` wrote (change them with `kubectl patch`, not by hand)")
    /// RB-KUBE-004: run-local cannot start the runbook executable.
    public static let kubeCannotStart = ErrorCode(
        .kubernetes, 4, meaning: "`runbook kubernetes run-local` cannot start the runbook executable",
        fix: "Give the executable with `--runbook` (`swift build` builds `.build/debug/runbook`)")
    /// RB-KUBE-005: The target index is out of range.
    public static let kubeTargetIndexOutOfRange = ErrorCode(
        .kubernetes, 5, meaning: "The target index is beyond the targets file",
        fix: "Give an index below the number of targets; a Job's completions must equal it")
    /// RB-KUBE-006: `--targets` without a target index.
    public static let kubeTargetIndexMissing = ErrorCode(
        .kubernetes, 6, meaning: "`--targets` needs a target index, and neither `--target-index` nor `JOB_COMPLETION_INDEX` is set",
        fix: "Give `--target-index N` (0 is the first target); in an Indexed Job's pod Kubernetes sets `JOB_COMPLETION_INDEX`")
    /// RB-KUBE-007: The target index is not a number of 0 or more.
    public static let kubeTargetIndexInvalid = ErrorCode(
        .kubernetes, 7, meaning: "The target index is not a number of 0 or more",
        fix: "Give 0 or more with `--target-index`, or in `JOB_COMPLETION_INDEX`")
}
