import Foundation
import Runbook

/// The target of one pod: entry N of the targets file, N being `--target-index` or else the
/// `JOB_COMPLETION_INDEX` Kubernetes sets in every pod of an Indexed Job.
struct PodTarget {
    /// The variable Kubernetes sets to the pod's completion index.
    static let indexVariable = "JOB_COMPLETION_INDEX"

    /// The targets file (as given).
    let file: String
    /// `--target-index`, when given.
    let index: Int?

    /// Loads the targets file (checked as `runbook fleet` checks it) and picks the entry.
    func resolve(script: any Script.Type, environment: CLIEnvironment, root: URL) throws(HelpfulError) -> FleetTarget {
        let chosen = try chosenIndex(environment: environment)
        let url = environment.resolvedPath(file)
        let targets = try FleetTargetsFile.load(url, projectRoot: root, displayPath: file, script: script)
        guard let target = targets.first(where: { $0.index == chosen }) else {
            throw HelpfulError(
                code: .kubeTargetIndexOutOfRange,
                problem: "Target index \(chosen) is out of range: \(file) lists \(targets.count) targets (0…\(targets.count - 1))",
                solution: "Give an index below \(targets.count); a Job's completions must equal the number of targets",
                example: "runbook run \(script.name) --targets \(file) --target-index 0",
                location: .file(file), exitCode: .usage)
        }
        return target
    }

    private func chosenIndex(environment: CLIEnvironment) throws(HelpfulError) -> Int {
        if let index {
            guard index >= 0 else {
                throw HelpfulError(code: .kubeTargetIndexInvalid,
                                   problem: "--target-index \(index) is negative", solution: "Give 0 or more",
                                   example: "--target-index 0", exitCode: .usage)
            }
            return index
        }
        guard let text = environment.variables[Self.indexVariable] else {
            throw HelpfulError(
                code: .kubeTargetIndexMissing,
                problem: "--targets needs the target's index: neither --target-index nor \(Self.indexVariable) is set",
                solution: "Give --target-index N (0 is the first target); in a pod of an Indexed Job Kubernetes sets \(Self.indexVariable)",
                example: "runbook run hello-world --targets \(file) --target-index 0",
                exitCode: .usage)
        }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw HelpfulError(
                code: .kubeTargetIndexInvalid,
                problem: "\(Self.indexVariable) is '\(text)', not a target index",
                solution: "Set it to 0 or more, or give --target-index N",
                example: "\(Self.indexVariable)=0", exitCode: .usage)
        }
        return value
    }
}
