/// A Job's `spec.podFailurePolicy`: how Kubernetes treats a failed pod, rule by rule (the first
/// rule that matches decides). ``runbook`` is the policy Runbook's exit codes need; the local
/// executor (`runbook kubernetes run-local`) applies the same rules with ``action(exitCode:disrupted:)``.
///
/// | exit code | meaning | action |
/// |---|---|---|
/// | 2 | finished, results recorded failures | `FailIndex`: a retry would fail the same items again |
/// | 64 | usage error (bad options, bad target) | `FailIndex` |
/// | 78 | configuration error | `FailIndex` |
/// | 1 | the script failed | `Count`: retried up to `backoffLimitPerIndex` |
/// | 75 | temporary failure (rate limited, circuit open, retries used up) | `Count` |
/// | any other (130, 137 …) | interrupted, killed | counted (no rule matches) |
/// | pod condition `DisruptionTarget` | evicted, preempted, node drained | `Ignore`: retried, not counted |
struct PodFailurePolicy: Codable, Sendable, Equatable {
    /// The rules, in the order Kubernetes evaluates them.
    var rules: [Rule]

    /// One rule: an action, and exit codes or pod conditions it applies to (never both).
    struct Rule: Codable, Sendable, Equatable {
        /// `FailJob`, `FailIndex`, `Ignore` or `Count`.
        var action: Action
        /// The container exit codes this rule matches.
        var onExitCodes: ExitCodes?
        /// The pod conditions this rule matches.
        var onPodConditions: [PodCondition]?
    }

    /// What Kubernetes does with a failed pod.
    enum Action: String, Codable, Sendable {
        /// Fail the whole Job.
        case failJob = "FailJob"
        /// Fail this index: no more retries for it (needs `backoffLimitPerIndex`).
        case failIndex = "FailIndex"
        /// Retry without counting the failure.
        case ignore = "Ignore"
        /// Count the failure against the index's backoff limit (the default).
        case count = "Count"
    }

    /// `onExitCodes`: the container and the codes.
    struct ExitCodes: Codable, Sendable, Equatable {
        /// The container whose exit code is checked.
        var containerName: String?
        /// `In` or `NotIn`.
        var `operator`: String
        /// The codes: sorted, unique, at most 255, no 0 for `In`.
        var values: [Int32]
    }

    /// `onPodConditions`: a pod condition type and status.
    struct PodCondition: Codable, Sendable, Equatable {
        /// The condition type (`DisruptionTarget`).
        var type: String
        /// `True`.
        var status: String
    }

    /// The action for a pod that failed with `exitCode` (or was disrupted): the first matching
    /// rule's, `Count` when none matches (Kubernetes' default).
    func action(exitCode: Int32, disrupted: Bool = false) -> Action {
        for rule in rules {
            if let codes = rule.onExitCodes {
                let listed = codes.values.contains(exitCode)
                if codes.operator == "In" ? listed : !listed { return rule.action }
            }
            if disrupted, rule.onPodConditions?.contains(where: { $0.type == "DisruptionTarget" }) == true {
                return rule.action
            }
        }
        return .count
    }

    /// The exit codes that fail an index at once.
    static let failIndexCodes: [Int32] = [2, 64, 78]
    /// The exit codes retried up to `backoffLimitPerIndex`.
    static let countedCodes: [Int32] = [1, 75]

    /// Runbook's policy for the container `container`.
    static func runbook(container: String) -> PodFailurePolicy {
        PodFailurePolicy(rules: [
            Rule(action: .ignore, onPodConditions: [PodCondition(type: "DisruptionTarget", status: "True")]),
            Rule(action: .failIndex, onExitCodes: ExitCodes(containerName: container, operator: "In", values: failIndexCodes)),
            Rule(action: .count, onExitCodes: ExitCodes(containerName: container, operator: "In", values: countedCodes)),
        ])
    }
}
