/// What `runbook kubernetes` was asked for: names, image, limits, schedule, secrets.
struct KubernetesJobSettings: Sendable, Equatable {
    /// The script every pod runs.
    var script: String
    /// The Job's (or CronJob's) name; the ConfigMap is `<name>-targets`.
    var name: String
    /// The container image.
    var image: String
    /// The namespace, when given.
    var namespace: String?
    /// Pods at once.
    var parallelism: Int
    /// Retries of one index (exit 1 or 75) before the index fails.
    var backoffLimitPerIndex: Int
    /// Failed indexes tolerated before the Job stops; nil: every index runs.
    var maxFailedIndexes: Int?
    /// Seconds a finished Job (and its pods' logs) is kept.
    var ttlSecondsAfterFinished: Int
    /// Seconds the whole Job may run.
    var activeDeadlineSeconds: Int
    /// A cron schedule: a CronJob instead of a Job.
    var schedule: String?
    /// The CronJob's time zone.
    var timeZone: String
    /// The Secret projected as the secrets directory, when given.
    var secretName: String?
    /// The keys each target reads from that Secret (`<org>-<env>.<key>` in the Secret).
    var secretKeys: [String]

    /// The container's name (the pod failure policy refers to it).
    static let containerName = "runbook"
    /// Where the targets file is mounted.
    static let targetsDirectory = "/etc/runbook/targets"
    /// The targets file in the pod.
    static let targetsFile = targetsDirectory + "/targets.yaml"
    /// Where the Secret is mounted: `--secrets-dir`.
    static let secretsDirectory = "/etc/runbook/secrets"
    /// The user the image runs as (the Dockerfile's `runbook` user).
    static let userID = 10001

    /// The ConfigMap's name.
    var configMapName: String { name + "-targets" }

    /// The labels of every object.
    var labels: Labels { Labels(instance: name, script: script) }
}
