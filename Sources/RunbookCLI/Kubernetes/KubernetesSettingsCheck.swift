import Foundation
import Runbook

/// Refuses, before anything is written, what Kubernetes would refuse: names that are not DNS labels
/// (at most 63 characters, 52 for a CronJob, whose Jobs get an 11-character suffix), limits out of
/// range, a schedule that is not 5 cron fields, an unknown time zone, Secret keys with bad characters.
struct KubernetesSettingsCheck {
    let settings: KubernetesJobSettings
    let targetCount: Int
    /// The size of the targets file the ConfigMap holds.
    var targetsBytes = 0

    /// The most a ConfigMap may hold (1 MiB).
    static let maximumConfigMapBytes = 1 << 20

    /// The most completions Kubernetes accepts for a Job with `backoffLimitPerIndex`.
    static let maximumCompletions = 100_000

    func check() throws(HelpfulError) {
        let limit = settings.schedule == nil ? 63 - "-targets".count : 52
        try require(Self.isDNSLabel(settings.name) && settings.name.count <= limit, "--name '\(settings.name)'",
                    "is not a valid name: lower-case letters, digits and '-', starting and ending with a letter or digit, at most \(limit) characters",
                    example: "--name customer-sync-nightly")
        if let namespace = settings.namespace {
            try require(Self.isDNSLabel(namespace) && namespace.count <= 63, "--namespace '\(namespace)'",
                        "is not a valid namespace (a DNS label)", example: "--namespace runbook")
        }
        try require(!settings.image.trimmingCharacters(in: .whitespaces).isEmpty && !settings.image.contains(" "),
                    "--image '\(settings.image)'", "is not an image reference", example: "--image registry.example.com/runbook:1.0")
        try require(settings.parallelism >= 1, "--parallelism \(settings.parallelism)", "must be at least 1", example: "--parallelism 4")
        try require((0...10).contains(settings.backoffLimitPerIndex), "--backoff-limit-per-index \(settings.backoffLimitPerIndex)",
                    "must be between 0 and 10", example: "--backoff-limit-per-index 2")
        if let failed = settings.maxFailedIndexes {
            try require(failed >= 0, "--max-failed-indexes \(failed)", "must be 0 or more", example: "--max-failed-indexes 5")
        }
        try require(settings.ttlSecondsAfterFinished >= 0, "--ttl-seconds-after-finished \(settings.ttlSecondsAfterFinished)",
                    "must be 0 or more", example: "--ttl-seconds-after-finished 86400")
        try require(settings.activeDeadlineSeconds >= 1, "--active-deadline-seconds \(settings.activeDeadlineSeconds)",
                    "must be at least 1", example: "--active-deadline-seconds 21600")
        try require(targetCount <= Self.maximumCompletions, "The targets file lists \(targetCount) targets;",
                    "an Indexed Job with per-index retries runs at most \(Self.maximumCompletions)", example: "split the targets into several files")
        try require(targetsBytes <= Self.maximumConfigMapBytes, "The targets file has \(targetsBytes) bytes;",
                    "a ConfigMap holds at most 1 MiB", example: "split the targets into several files")
        if let schedule = settings.schedule {
            try require(schedule.split(separator: " ", omittingEmptySubsequences: true).count == 5 || schedule.hasPrefix("@"),
                        "--schedule '\(schedule)'", "is not a cron schedule (minute hour day-of-month month day-of-week)",
                        example: "--schedule \"0 2 * * *\"")
            try require(TimeZone(identifier: settings.timeZone) != nil, "--time-zone '\(settings.timeZone)'",
                        "is not a time zone of the IANA database", example: "--time-zone Europe/Berlin")
        }
        if let secret = settings.secretName {
            try require(Self.isDNSLabel(secret.replacingOccurrences(of: ".", with: "-")) && secret.count <= 253,
                        "--secret-name '\(secret)'", "is not a valid Secret name", example: "--secret-name runbook-secrets")
        }
        for key in settings.secretKeys {
            try require(!key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
                        && !key.hasPrefix("."), "--secret-key '\(key)'", "may hold only letters, digits, '-', '_' and '.'",
                        example: "--secret-key client-secret")
        }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
    static func isDNSLabel(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        func alphanumeric(_ character: Character) -> Bool { character.isASCII && (character.isLowercase || character.isNumber) }
        return alphanumeric(first) && alphanumeric(last) && text.allSatisfy { alphanumeric($0) || $0 == "-" }
    }

    private func require(_ condition: Bool, _ subject: String, _ problem: String, example: String) throws(HelpfulError) {
        guard !condition else { return }
        throw HelpfulError(code: .kubeSetting,
                           problem: "\(subject) \(problem)", solution: "Change it and run runbook kubernetes again",
                           example: example, exitCode: .usage)
    }
}
