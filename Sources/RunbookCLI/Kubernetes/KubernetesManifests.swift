import Runbook

/// Builds the objects of one `runbook kubernetes`: the targets ConfigMap and an Indexed Job (or a
/// CronJob wrapping it) whose `podFailurePolicy` follows Runbook's exit codes.
struct KubernetesManifests: Sendable {
    let settings: KubernetesJobSettings
    /// The text of the targets file the ConfigMap holds.
    let targetsText: String
    /// The targets it lists, in index order.
    let targets: [FleetTarget]

    /// The Job's `completions`.
    var targetCount: Int { targets.count }

    /// The ConfigMap holding the targets file.
    var configMap: ConfigMapObject {
        ConfigMapObject(
            metadata: ObjectMeta(name: settings.configMapName, namespace: settings.namespace, labels: settings.labels),
            data: ConfigMapObject.TargetsData(targets: targetsText))
    }

    /// The Indexed Job.
    var job: JobObject {
        JobObject(metadata: ObjectMeta(name: settings.name, namespace: settings.namespace, labels: settings.labels),
                  spec: jobSpec)
    }

    /// The CronJob running the Job on `settings.schedule`.
    var cronJob: CronJobObject? {
        guard let schedule = settings.schedule else { return nil }
        return CronJobObject(
            metadata: ObjectMeta(name: settings.name, namespace: settings.namespace, labels: settings.labels),
            spec: CronJobObject.Spec(
                schedule: schedule, timeZone: settings.timeZone, concurrencyPolicy: "Forbid",
                startingDeadlineSeconds: 300, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 3,
                jobTemplate: CronJobObject.JobTemplate(metadata: TemplateMeta(labels: settings.labels), spec: jobSpec)))
    }

    /// The Job's spec (also the CronJob's job template).
    var jobSpec: JobSpec {
        JobSpec(
            completionMode: "Indexed",
            completions: targetCount,
            parallelism: min(settings.parallelism, targetCount),
            backoffLimitPerIndex: settings.backoffLimitPerIndex,
            maxFailedIndexes: min(settings.maxFailedIndexes ?? targetCount, targetCount),
            ttlSecondsAfterFinished: settings.ttlSecondsAfterFinished,
            activeDeadlineSeconds: settings.activeDeadlineSeconds,
            podFailurePolicy: .runbook(container: KubernetesJobSettings.containerName),
            template: PodTemplate(metadata: TemplateMeta(labels: settings.labels), spec: podSpec))
    }

    /// The pod: one container running `runbook run <script> --targets … [--secrets-dir …]`; the
    /// index comes from `JOB_COMPLETION_INDEX`, which Kubernetes sets in every pod of an Indexed Job.
    var podSpec: PodSpec {
        var args = ["run", settings.script, "--targets", KubernetesJobSettings.targetsFile]
        var mounts = [VolumeMount(name: "targets", mountPath: KubernetesJobSettings.targetsDirectory, readOnly: true)]
        var volumes = [Volume(name: "targets", configMap: Volume.ConfigMapSource(name: settings.configMapName))]
        if let secret = secretVolume {
            args += ["--secrets-dir", KubernetesJobSettings.secretsDirectory]
            mounts.append(VolumeMount(name: "secrets", mountPath: KubernetesJobSettings.secretsDirectory, readOnly: true))
            volumes.append(secret)
        }
        let container = Container(
            name: KubernetesJobSettings.containerName, image: settings.image, command: ["runbook"], args: args,
            env: [EnvVar(name: "NO_COLOR", value: "1")],
            terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "FallbackToLogsOnError",
            volumeMounts: mounts)
        let user = KubernetesJobSettings.userID
        return PodSpec(
            restartPolicy: "Never",
            securityContext: PodSecurityContext(runAsNonRoot: true, runAsUser: user, runAsGroup: user, fsGroup: user),
            containers: [container], volumes: volumes)
    }

    /// One projected Secret volume laid out `{org}-{env}/<key>`: the Secret's key `<org>-<env>.<key>`
    /// becomes the file `<org>-<env>/<key>` (optional, so a target without a key still starts;
    /// mode 0440 with the pod's `fsGroup`, so the non-root user can read it).
    private var secretVolume: Volume? {
        guard let secretName = settings.secretName else { return nil }
        return Volume(name: "secrets", projected: Volume.ProjectedSource(
            sources: [Volume.Projection(secret: Volume.SecretProjection(
                name: secretName, items: secretItems, optional: true))],
            defaultMode: 0o440))
    }

    private var secretItems: [Volume.KeyToPath] {
        targets.map { "\($0.org)-\($0.env)" }.flatMap { folder in
            settings.secretKeys.map { Volume.KeyToPath(key: "\(folder).\($0)", path: "\(folder)/\($0)") }
        }
    }
}
