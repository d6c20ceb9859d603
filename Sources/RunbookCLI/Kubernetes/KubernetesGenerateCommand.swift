import ArgumentParser
import Foundation
import Runbook

/// `runbook kubernetes <script> --targets FILE --image IMAGE [options]`: a ConfigMap with the
/// targets and an Indexed Job (a CronJob with `--schedule`), on standard output or in `--output DIR`.
struct KubernetesGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a ConfigMap with the targets and an Indexed Job (or a CronJob) running one pod per target.",
        discussion: """
            Each pod runs `runbook run <script> --targets /etc/runbook/targets/targets.yaml`; its target is the \
            pod's JOB_COMPLETION_INDEX. The Job's podFailurePolicy fails an index at once on exit 2, 64 and 78, \
            retries exit 1 and 75 up to --backoff-limit-per-index times, and ignores disruptions (eviction, drain).
            With --secret-name, the Secret's keys <org>-<env>.<key> are projected as \
            /etc/runbook/secrets/<org>-<env>/<key> and passed as --secrets-dir.
            """
    )

    @Argument(help: "The script every pod runs (`runbook list` shows them).")
    var script: String

    @Option(name: .long, help: ArgumentHelp("The targets file (YAML or JSON, schemas/fleet-targets.schema.json).", valueName: "file"))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp("Instead of --targets: a fleet record; the Job runs only its targets that did not succeed.", valueName: "fleet-record"))
    var rerunFailed: String?

    @Option(name: .long, help: "The container image (built from the project's Dockerfile).")
    var image: String

    @Option(name: .long, help: "The Job's name (default: runbook-<script>; the ConfigMap is <name>-targets).")
    var name: String?

    @Option(name: .long, help: "The namespace of every object (default: none, kubectl's current namespace).")
    var namespace: String?

    @Option(name: .long, help: ArgumentHelp("Pods running at once (at most the number of targets).", valueName: "n"))
    var parallelism = 4

    @Option(name: .long, help: ArgumentHelp("Retries of a target that exits 1 or 75.", valueName: "n"))
    var backoffLimitPerIndex = 2

    @Option(name: .long, help: ArgumentHelp("Failed targets tolerated before the Job stops the rest (default: all targets run).", valueName: "n"))
    var maxFailedIndexes: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds a finished Job and its pods are kept.", valueName: "seconds"))
    var ttlSecondsAfterFinished = 86_400

    @Option(name: .long, help: ArgumentHelp("Seconds the whole Job may run.", valueName: "seconds"))
    var activeDeadlineSeconds = 21_600

    @Option(name: .long, help: ArgumentHelp("A cron schedule (5 fields): write a CronJob (concurrencyPolicy Forbid) instead of a Job.", valueName: "cron"))
    var schedule: String?

    @Option(name: .long, help: ArgumentHelp("The CronJob's time zone (IANA).", valueName: "tz"))
    var timeZone = "Etc/UTC"

    @Option(name: .long, help: "A Secret with keys <org>-<env>.<key>, mounted as the pods' --secrets-dir (default: none).")
    var secretName: String?

    @Option(name: .long, help: "A key each target reads from the Secret (repeatable; default: client-secret).")
    var secretKey: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write one file per object into this folder (default: one YAML stream on standard output).", valueName: "dir"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        guard let scriptType = environment.catalog.script(named: script) else {
            throw environment.catalog.unknownScript(script)
        }
        let source = try KubernetesTargetsSource.load(
            targets: targets, rerunFailed: rerunFailed, script: scriptType, root: root,
            currentDirectory: environment.currentDirectory)
        let settings = KubernetesJobSettings(
            script: script, name: name ?? "runbook-" + script + (source.isRerun ? "-rerun" : ""),
            image: image, namespace: namespace,
            parallelism: parallelism, backoffLimitPerIndex: backoffLimitPerIndex, maxFailedIndexes: maxFailedIndexes,
            ttlSecondsAfterFinished: ttlSecondsAfterFinished, activeDeadlineSeconds: activeDeadlineSeconds,
            schedule: schedule, timeZone: timeZone, secretName: secretName,
            secretKeys: secretKey.isEmpty ? ["client-secret"] : secretKey)
        try KubernetesSettingsCheck(settings: settings, targetCount: source.targets.count, targetsBytes: source.text.utf8.count).check()
        let manifests = KubernetesManifests(settings: settings, targetsText: source.text, targets: source.targets)
        let writer = ManifestWriter(environment: environment)
        if let output {
            try writer.write(manifests, to: environment.resolvedPath(output), shown: output)
        } else {
            environment.writeOut(try writer.stream(manifests))
        }
    }
}
