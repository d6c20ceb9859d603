import Foundation
import Runbook

/// The targets a Job runs and the targets file its ConfigMap holds: the `--targets` file as it is,
/// or, with `--rerun-failed`, a new file of the fleet record's targets that did not succeed (with
/// fresh indexes 0…n-1: Kubernetes cannot rerun single indexes of a finished Job).
struct KubernetesTargetsSource: Sendable {
    /// The targets file's text (the ConfigMap's `targets.yaml`).
    var text: String
    /// Its targets, in index order.
    var targets: [FleetTarget]
    /// Whether they come from `--rerun-failed`.
    var isRerun: Bool

    static func load(
        targets: String?, rerunFailed: String?, script: any Script.Type, root: URL, currentDirectory: URL
    ) throws(HelpfulError) -> KubernetesTargetsSource {
        switch (targets, rerunFailed) {
        case (let path?, nil):
            let url = CLIEnvironment.resolve(path, in: currentDirectory)
            let loaded = try FleetTargetsFile.load(url, projectRoot: root, displayPath: path, script: script)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw HelpfulError(code: .fleetTargetsUnreadable,
                                   problem: "Cannot read the targets file \(path)", solution: "Check that it exists and is readable",
                                   location: .file(path), exitCode: .usage)
            }
            return KubernetesTargetsSource(text: String(decoding: data, as: UTF8.self), targets: loaded, isRerun: false)
        case (nil, let record?):
            let failed = try FleetRecordTargets.failed(in: CLIEnvironment.resolve(record, in: currentDirectory), shown: record)
            guard !failed.isEmpty else {
                throw HelpfulError(
                    code: .fleetNothingToRerun,
                    problem: "Every target of the fleet record \(record) succeeded: there is nothing to rerun",
                    solution: "Rerun a fleet record that has failed targets", location: .file(record), exitCode: .usage)
            }
            let text = try RerunTargetsFile.text(failed, record: record)
            let loaded = try loadWritten(text, root: root, script: script, shown: "\(record) → targets.yaml")
            return KubernetesTargetsSource(text: text, targets: loaded, isRerun: true)
        case (nil, nil):
            throw HelpfulError(
                code: .usageCommandLine,
                problem: "runbook kubernetes needs --targets FILE (or --rerun-failed FLEET_RECORD)",
                solution: "Name the targets file the Job runs",
                example: "runbook kubernetes hello-world --targets targets.yaml --image registry.example.com/runbook:1.0",
                exitCode: .usage)
        case (.some, .some):
            throw HelpfulError(
                code: .usageCommandLine,
                problem: "--targets and --rerun-failed cannot be combined",
                solution: "Give --targets for a new Job, or --rerun-failed for a Job of the targets that did not succeed",
                example: "runbook kubernetes hello-world --rerun-failed output/fleet_….json --image registry.example.com/runbook:1.0",
                exitCode: .usage)
        }
    }

    /// Checks a generated targets file the way `--targets` is checked (configurations, script options);
    /// it is shown as `<record> → targets.yaml` (the name ends in .yaml: the reader takes it as YAML).
    private static func loadWritten(_ text: String, root: URL, script: any Script.Type, shown: String) throws(HelpfulError) -> [FleetTarget] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-rerun-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            throw HelpfulError(code: .outputCannotWrite,
                               problem: "Cannot write a temporary targets file: \(error.localizedDescription)",
                               solution: "Check that the temporary folder is writable", location: .file(file.path))
        }
        return try FleetTargetsFile.load(file, projectRoot: root, displayPath: shown, script: script)
    }
}
