import Foundation
import RunbookTesting
import Runbook
@testable import RunbookCLI
import Testing

/// The rules of the Job API the JSON Schemas cannot express, checked on the generated objects:
/// `backoffLimitPerIndex` needs `completionMode: Indexed` and `restartPolicy: Never`; `FailIndex`
/// needs `backoffLimitPerIndex`; `In` lists are sorted, unique, at most 255 values and hold no 0;
/// `completions` is the number of targets; a CronJob forbids overlapping runs.
@Suite struct KubernetesManifestTests {
    static func settings(schedule: String? = nil, secret: String? = nil, maxFailed: Int? = nil, parallelism: Int = 4) -> KubernetesJobSettings {
        KubernetesJobSettings(
            script: "hello-world", name: "runbook-hello-world", image: "registry.example.com/runbook:1.0", namespace: "ops",
            parallelism: parallelism, backoffLimitPerIndex: 2, maxFailedIndexes: maxFailed, ttlSecondsAfterFinished: 86_400,
            activeDeadlineSeconds: 21_600, schedule: schedule, timeZone: "Europe/Berlin", secretName: secret,
            secretKeys: ["client-secret", "api-key"])
    }

    static func targets(_ count: Int) -> [FleetTarget] {
        (0..<count).map { FleetTarget(org: "org\($0)", env: "prod", arguments: [], index: $0) }
    }

    static func manifests(_ settings: KubernetesJobSettings = settings(), count: Int = 3) -> KubernetesManifests {
        KubernetesManifests(settings: settings, targetsText: "targets: []\n", targets: targets(count))
    }

    /// Every cross-field rule of a Job spec, as the API server checks it.
    static func crossFieldProblems(_ spec: JobSpec, targets: Int) -> [String] {
        var problems: [String] = []
        if spec.backoffLimitPerIndex != nil {
            if spec.completionMode != "Indexed" { problems.append("backoffLimitPerIndex needs completionMode Indexed") }
        }
        if spec.podFailurePolicy != nil, spec.template.spec.restartPolicy != "Never" {
            problems.append("podFailurePolicy needs restartPolicy Never")
        }
        if spec.template.spec.restartPolicy != "Never" { problems.append("restartPolicy must be Never") }
        if spec.completions != targets { problems.append("completions \(spec.completions ?? -1) != \(targets) targets") }
        if let failed = spec.maxFailedIndexes {
            if spec.backoffLimitPerIndex == nil { problems.append("maxFailedIndexes needs backoffLimitPerIndex") }
            if failed > (spec.completions ?? 0) { problems.append("maxFailedIndexes above completions") }
        }
        for (number, rule) in (spec.podFailurePolicy?.rules ?? []).enumerated() {
            if rule.action == .failIndex, spec.backoffLimitPerIndex == nil { problems.append("rule \(number): FailIndex needs backoffLimitPerIndex") }
            if (rule.onExitCodes == nil) == (rule.onPodConditions == nil) { problems.append("rule \(number): exactly one of onExitCodes, onPodConditions") }
            if let codes = rule.onExitCodes {
                if codes.values != codes.values.sorted() { problems.append("rule \(number): values not sorted") }
                if Set(codes.values).count != codes.values.count { problems.append("rule \(number): duplicate values") }
                if codes.values.isEmpty || codes.values.count > 255 { problems.append("rule \(number): 1 to 255 values") }
                if codes.operator == "In", codes.values.contains(0) { problems.append("rule \(number): 0 in In") }
                if let name = codes.containerName, !spec.template.spec.containers.contains(where: { $0.name == name }) {
                    problems.append("rule \(number): no container \(name)")
                }
            }
        }
        return problems
    }

    @Test func theJobKeepsEveryCrossFieldRule() {
        let job = Self.manifests().job
        #expect(Self.crossFieldProblems(job.spec, targets: 3) == [])
        #expect(job.spec.completionMode == "Indexed" && job.spec.completions == 3)
        #expect(job.spec.maxFailedIndexes == 3, "every index runs by default")
        #expect(job.spec.parallelism == 3, "never more pods than targets")
        #expect(job.metadata.namespace == "ops")
    }

    @Test func theCheckFindsABrokenSpec() {
        var spec = Self.manifests().job.spec
        spec.completionMode = "NonIndexed"
        spec.template.spec.restartPolicy = "OnFailure"
        spec.podFailurePolicy?.rules[1].onExitCodes?.values = [78, 0, 2, 2]
        spec.completions = 2
        let problems = Self.crossFieldProblems(spec, targets: 3)
        #expect(problems.count == 8, "\(problems)")
    }

    @Test func thePolicyMapsRunbooksExitCodes() {
        let policy = PodFailurePolicy.runbook(container: "runbook")
        let expected: [(Int32, PodFailurePolicy.Action)] = [
            (2, .failIndex), (64, .failIndex), (78, .failIndex), (1, .count), (75, .count), (130, .count), (137, .count),
        ]
        for (code, action) in expected { #expect(policy.action(exitCode: code) == action, "exit \(code)") }
        #expect(policy.action(exitCode: 1, disrupted: true) == .ignore)
        #expect(policy.rules.first?.onPodConditions == [PodFailurePolicy.PodCondition(type: "DisruptionTarget", status: "True")])
    }

    @Test func aCronJobWrapsTheSameJobAndForbidsOverlaps() throws {
        let manifests = Self.manifests(Self.settings(schedule: "0 2 * * *"))
        let cron = try #require(manifests.cronJob)
        #expect(cron.spec.concurrencyPolicy == "Forbid")
        #expect(cron.spec.timeZone == "Europe/Berlin" && cron.spec.schedule == "0 2 * * *")
        #expect(cron.spec.jobTemplate.spec == manifests.job.spec)
        #expect(Self.crossFieldProblems(cron.spec.jobTemplate.spec, targets: 3) == [])
        #expect(Self.manifests().cronJob == nil)
    }

    @Test func thePodRunsTheTargetOfItsIndexWithTheSecretsAsAFolder() throws {
        let pod = Self.manifests(Self.settings(secret: "runbook-secrets"), count: 2).job.spec.template.spec
        let container = try #require(pod.containers.first)
        #expect(container.command == ["runbook"])
        #expect(container.args == ["run", "hello-world", "--targets", "/etc/runbook/targets/targets.yaml",
                                   "--secrets-dir", "/etc/runbook/secrets"])
        #expect(!container.args.contains("--target-index"), "the index is JOB_COMPLETION_INDEX")
        let projected = try #require(pod.volumes?.first { $0.name == "secrets" }?.projected)
        #expect(projected.sources.count == 1 && projected.sources[0].secret.name == "runbook-secrets")
        #expect(projected.sources[0].secret.items?.map(\.path) == [
            "org0-prod/client-secret", "org0-prod/api-key", "org1-prod/client-secret", "org1-prod/api-key",
        ])
        #expect(projected.sources[0].secret.items?.first?.key == "org0-prod.client-secret")
        #expect(pod.securityContext?.runAsNonRoot == true)
        let noSecret = Self.manifests().job.spec.template.spec
        #expect(noSecret.volumes?.map(\.name) == ["targets"])
        #expect(noSecret.containers[0].args.contains("--secrets-dir") == false)
    }

    @Test func maxFailedIndexesIsNeverAboveCompletions() {
        #expect(Self.manifests(Self.settings(maxFailed: 1)).job.spec.maxFailedIndexes == 1)
        #expect(Self.manifests(Self.settings(maxFailed: 99)).job.spec.maxFailedIndexes == 3)
    }

    @Test func settingsKubernetesWouldRefuseAreUsageErrors() {
        var cases: [(String, KubernetesJobSettings)] = []
        var settings = Self.settings()
        settings.name = "Runbook_Job"
        cases.append(("name", settings))
        settings = Self.settings(schedule: "0 2 * *")
        cases.append(("schedule", settings))
        settings = Self.settings(schedule: "0 2 * * *")
        settings.timeZone = "Mars/Olympus"
        cases.append(("time zone", settings))
        settings = Self.settings(schedule: "0 2 * * *")
        settings.name = String(repeating: "a", count: 53)
        cases.append(("CronJob name over 52", settings))
        settings = Self.settings(parallelism: 0)
        cases.append(("parallelism", settings))
        settings = Self.settings()
        settings.secretKeys = ["client/secret"]
        cases.append(("secret key", settings))
        for (label, settings) in cases {
            #expect(throws: HelpfulError.self, "\(label)") { try KubernetesSettingsCheck(settings: settings, targetCount: 3).check() }
        }
        #expect(throws: Never.self) { try KubernetesSettingsCheck(settings: Self.settings(schedule: "0 2 * * *"), targetCount: 3).check() }
        #expect(throws: HelpfulError.self, "a targets file over 1 MiB does not fit a ConfigMap") {
            try KubernetesSettingsCheck(settings: Self.settings(), targetCount: 3, targetsBytes: 2 << 20).check()
        }
    }

    @Test func theTerminationMessageFitsIn4096Bytes() throws {
        let long = HelpfulError(problem: String(repeating: "é problem ", count: 2_000), solution: "fix", exitCode: .configuration)
        let line = TerminationMessage(script: "hello-world", targetIndex: 7, error: long).line()
        #expect(line.utf8.count <= 4096 && line.utf8.count > 1_000)
        let decoded = try JSONDecoder().decode(TerminationMessage.self, from: Data(line.utf8))
        #expect(decoded.exitCode == 78 && decoded.targetIndex == 7 && decoded.error?.problem.hasSuffix("…") == true)
        #expect(!line.contains("\n"))
    }

    @Test func theLocalExecutorPutsTheMountsWhereThePodHasThem() throws {
        let container = try #require(Self.manifests(Self.settings(secret: "runbook-secrets")).job.spec.template.spec.containers.first)
        let arguments = LocalJobExecutor.podArguments(container, mounts: [
            ("/etc/runbook/targets", URL(fileURLWithPath: "/work/volumes/targets")),
            ("/etc/runbook/secrets", URL(fileURLWithPath: "/work/secrets")),
        ])
        #expect(arguments == ["run", "hello-world", "--targets", "/work/volumes/targets/targets.yaml", "--secrets-dir", "/work/secrets"])
    }
}
