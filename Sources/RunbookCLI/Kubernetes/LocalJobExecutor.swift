import Foundation
import Runbook

/// Runs an Indexed Job here, the way the Job controller would: the pod's command once per index
/// (a child process of the real `runbook`, in the project root, with `JOB_COMPLETION_INDEX` set,
/// the ConfigMap and the Secret folder where the pod would mount them), each failure judged by the
/// Job's `podFailurePolicy` (retry a counted code up to `backoffLimitPerIndex`, fail the index at
/// once on a `FailIndex` code) and the Job stopped once more than `maxFailedIndexes` have failed.
/// Indexes run one after another (`parallelism` only changes the wall time on a cluster, not the
/// outcome), and `activeDeadlineSeconds` is not enforced.
struct LocalJobExecutor: Sendable {
    /// The `runbook` executable the pods' `runbook` stands for.
    let runbook: URL
    /// The project root: the children's working directory.
    let projectRoot: URL
    /// The folder that stands for the projected Secret volume (`{org}-{env}/<key>`), if any.
    let secretsDirectory: URL?
    /// Where the mounted files, the pods' logs and their termination logs go.
    let workspace: URL
    /// The environment the children inherit.
    let variables: [String: String]

    /// Runs every index (until the Job fails) and returns the Job's result.
    func run(_ job: ManifestReader.Loaded) async throws(HelpfulError) -> LocalJobResult {
        let spec = job.spec
        guard spec.completionMode == "Indexed", let completions = spec.completions, let container = spec.template.spec.containers.first else {
            throw HelpfulError(code: .kubeManifestInvalid,
                               problem: "The Job \(job.name) is not an Indexed Job with one container",
                               solution: "Run the manifests runbook kubernetes writes", exitCode: .usage)
        }
        let mounts = try mountPaths(job, container: container)
        let policy = spec.podFailurePolicy ?? PodFailurePolicy(rules: [])
        let backoff = spec.backoffLimitPerIndex ?? 6
        var result = LocalJobResult(job: job.name, completions: completions)
        for index in 0..<completions {
            if let limit = spec.maxFailedIndexes, result.failedCount > limit {
                result.indexes.append(LocalJobResult.Index(index: index, status: .notRun))
                continue
            }
            var entry = LocalJobResult.Index(index: index, status: .failed)
            var counted = 0
            var ignored = 0
            while true {
                entry.attempts += 1
                let attempt = try await runPod(container, index: index, attempt: entry.attempts, mounts: mounts)
                entry.exitCode = attempt.exitCode
                entry.message = attempt.message
                entry.log = attempt.log
                if attempt.exitCode == 0 {
                    entry.status = .succeeded
                    entry.action = nil
                    break
                }
                let action = policy.action(exitCode: attempt.exitCode)
                entry.action = action
                if action == .failIndex || action == .failJob { break }
                if action == .ignore {
                    ignored += 1
                    if ignored > 10 { break }
                    continue
                }
                counted += 1
                if counted > backoff { break }
            }
            result.indexes.append(entry)
            if entry.action == .failJob { result.jobFailedByRule = true }
            if result.jobFailedByRule { break }
        }
        for index in result.indexes.count..<completions { result.indexes.append(LocalJobResult.Index(index: index, status: .notRun)) }
        return result
    }

    /// Where each mount path of the container is here: the ConfigMap's files written into the
    /// workspace, the projected Secret as `secretsDirectory` (an empty folder when none was given).
    private func mountPaths(_ job: ManifestReader.Loaded, container: Container) throws(HelpfulError) -> [(String, URL)] {
        var mounts: [(String, URL)] = []
        for mount in container.volumeMounts ?? [] {
            guard let volume = job.spec.template.spec.volumes?.first(where: { $0.name == mount.name }) else { continue }
            let local = workspace.appendingPathComponent("volumes/\(mount.name)")
            do {
                if let source = volume.configMap {
                    guard let configMap = job.configMaps[source.name] else {
                        throw HelpfulError(code: .kubeManifestInvalid,
                                           problem: "The Job mounts the ConfigMap \(source.name), which is not among the manifests",
                                           solution: "Give the folder runbook kubernetes --output wrote (it holds configmap.yaml)",
                                           exitCode: .usage)
                    }
                    try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
                    try Data(configMap.data.targets.utf8).write(to: local.appendingPathComponent("targets.yaml"), options: .atomic)
                    mounts.append((mount.mountPath, local))
                } else if volume.projected != nil {
                    if let secretsDirectory {
                        mounts.append((mount.mountPath, secretsDirectory))
                    } else {
                        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
                        mounts.append((mount.mountPath, local))
                    }
                }
            } catch let error as HelpfulError {
                throw error
            } catch {
                throw HelpfulError(code: .outputCannotWrite,
                                   problem: "Cannot prepare \(local.path): \(error.localizedDescription)",
                                   solution: "Check that the temporary folder is writable", location: .file(local.path))
            }
        }
        return mounts
    }

    /// One pod: the container's command with mount paths replaced by their local folders.
    private func runPod(_ container: Container, index: Int, attempt: Int, mounts: [(String, URL)]) async throws(HelpfulError) -> PodAttempt {
        let arguments = Self.podArguments(container, mounts: mounts)
        let name = "index-\(index)-attempt-\(attempt)"
        let termination = workspace.appendingPathComponent("\(name).termination-log")
        let log = workspace.appendingPathComponent("\(name).log")
        var environment = variables
        for variable in container.env ?? [] { environment[variable.name] = variable.value }
        environment[PodTarget.indexVariable] = String(index)
        let exitCode = try await ChildProcess(
            executable: runbook, arguments: arguments + ["--termination-log", termination.path],
            directory: projectRoot, environment: environment, output: log
        ).run()
        let message = (try? String(contentsOf: termination, encoding: .utf8)) ?? ""
        return PodAttempt(exitCode: exitCode, message: message, log: log.path)
    }

    /// The container's command after its program (`runbook`), each mount path replaced by its local folder.
    static func podArguments(_ container: Container, mounts: [(String, URL)]) -> [String] {
        (Array(container.command.dropFirst()) + container.args).map { argument in
            for (path, local) in mounts where argument == path || argument.hasPrefix(path + "/") {
                return local.path + argument.dropFirst(path.count)
            }
            return argument
        }
    }

    private struct PodAttempt {
        var exitCode: Int32
        var message: String
        var log: String
    }
}
