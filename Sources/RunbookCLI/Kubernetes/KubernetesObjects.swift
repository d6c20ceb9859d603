/// The Kubernetes objects `runbook kubernetes` writes, with only the fields it sets. Each encodes in
/// the field order of `kubectl get -o yaml` and decodes back (the local executor reads them).

/// `metadata`.
struct ObjectMeta: Codable, Sendable, Equatable {
    var name: String
    var namespace: String?
    var labels: Labels?
}

/// The labels Runbook puts on every object it makes.
struct Labels: Codable, Sendable, Equatable {
    /// `app.kubernetes.io/name: runbook`.
    var app = "runbook"
    /// `app.kubernetes.io/instance`: the Job's name.
    var instance: String
    /// `runbook.dev/script`: the script.
    var script: String

    enum CodingKeys: String, CodingKey {
        case app = "app.kubernetes.io/name"
        case instance = "app.kubernetes.io/instance"
        case script = "runbook.dev/script"
    }
}

/// A ConfigMap holding the targets file under one key.
struct ConfigMapObject: Codable, Sendable, Equatable {
    var apiVersion = "v1"
    var kind = "ConfigMap"
    var metadata: ObjectMeta
    var data: TargetsData

    /// `data`: `targets.yaml: <the file>`.
    struct TargetsData: Codable, Sendable, Equatable {
        var targets: String
        enum CodingKeys: String, CodingKey { case targets = "targets.yaml" }
    }
}

/// A `batch/v1` Job.
struct JobObject: Codable, Sendable, Equatable {
    var apiVersion = "batch/v1"
    var kind = "Job"
    var metadata: ObjectMeta
    var spec: JobSpec
}

/// A `batch/v1` CronJob.
struct CronJobObject: Codable, Sendable, Equatable {
    var apiVersion = "batch/v1"
    var kind = "CronJob"
    var metadata: ObjectMeta
    var spec: Spec

    /// `spec`.
    struct Spec: Codable, Sendable, Equatable {
        var schedule: String
        var timeZone: String?
        var concurrencyPolicy: String
        var startingDeadlineSeconds: Int?
        var successfulJobsHistoryLimit: Int?
        var failedJobsHistoryLimit: Int?
        var jobTemplate: JobTemplate
    }

    /// `jobTemplate`.
    struct JobTemplate: Codable, Sendable, Equatable {
        var metadata: TemplateMeta?
        var spec: JobSpec
    }
}

/// `metadata` of a template: labels only.
struct TemplateMeta: Codable, Sendable, Equatable {
    var labels: Labels?
}

/// A Job's `spec`.
struct JobSpec: Codable, Sendable, Equatable {
    var completionMode: String?
    var completions: Int?
    var parallelism: Int?
    var backoffLimitPerIndex: Int?
    var maxFailedIndexes: Int?
    var ttlSecondsAfterFinished: Int?
    var activeDeadlineSeconds: Int?
    var podFailurePolicy: PodFailurePolicy?
    var template: PodTemplate
}

/// `template`.
struct PodTemplate: Codable, Sendable, Equatable {
    var metadata: TemplateMeta?
    var spec: PodSpec
}

/// A pod's `spec`.
struct PodSpec: Codable, Sendable, Equatable {
    var restartPolicy: String
    var securityContext: PodSecurityContext?
    var containers: [Container]
    var volumes: [Volume]?
}

/// `securityContext` of the pod.
struct PodSecurityContext: Codable, Sendable, Equatable {
    var runAsNonRoot: Bool?
    var runAsUser: Int?
    var runAsGroup: Int?
    var fsGroup: Int?
}

/// A container.
struct Container: Codable, Sendable, Equatable {
    var name: String
    var image: String
    var command: [String]
    var args: [String]
    var env: [EnvVar]?
    var terminationMessagePath: String?
    var terminationMessagePolicy: String?
    var volumeMounts: [VolumeMount]?
}

/// `env[]`.
struct EnvVar: Codable, Sendable, Equatable {
    var name: String
    var value: String
}

/// `volumeMounts[]`.
struct VolumeMount: Codable, Sendable, Equatable {
    var name: String
    var mountPath: String
    var readOnly: Bool?
}

/// `volumes[]`: a ConfigMap or a projected volume.
struct Volume: Codable, Sendable, Equatable {
    var name: String
    var configMap: ConfigMapSource?
    var projected: ProjectedSource?

    /// `configMap`.
    struct ConfigMapSource: Codable, Sendable, Equatable {
        var name: String
    }

    /// `projected`.
    struct ProjectedSource: Codable, Sendable, Equatable {
        var sources: [Projection]
        var defaultMode: Int?
    }

    /// `projected.sources[]`: a Secret.
    struct Projection: Codable, Sendable, Equatable {
        var secret: SecretProjection
    }

    /// `secret` of a projection: which keys go to which paths.
    struct SecretProjection: Codable, Sendable, Equatable {
        var name: String
        var items: [KeyToPath]?
        var optional: Bool?
    }

    /// `items[]`.
    struct KeyToPath: Codable, Sendable, Equatable {
        var key: String
        var path: String
    }
}
