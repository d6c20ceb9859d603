import ArgumentParser
import Foundation
import Runbook

/// `runbook run <script> --targets FILE [--target-index N] [--termination-log PATH]`: the command
/// of a pod of an Indexed Job. Runs one target with its options (plus any given on the command
/// line), prints the run record as the last line of standard output (compact JSON), leaves the
/// compact record in the termination log, and exits with the run's code, which the Job's
/// `podFailurePolicy` maps to retry or fail the index.
struct PodRun {
    let target: PodTarget
    let terminationLog: TerminationLog
    let console: ConsoleLogOptions
    let isDryRun: Bool
    let projectRoot: String?
    /// The run's environment variables (with `--secrets-dir`, `RUNBOOK_SECRETS_DIR` set to it).
    let variables: [String: String]
    /// `--metrics-file` / `--push-metrics` (a pod pushes to a Pushgateway like any run).
    let metrics: RunMetricsExport

    func run(_ script: any Script.Type, extraArguments: [String], environment: CLIEnvironment) async throws {
        let root = environment.projectRoot(projectRoot)
        let chosen: FleetTarget
        do {
            chosen = try target.resolve(script: script, environment: environment, root: root)
        } catch {
            terminationLog.write(TerminationMessage(script: script.name, targetIndex: target.index, error: error),
                                 environment: environment)
            throw error
        }
        var request = RunRequest(
            script: script, arguments: chosen.arguments + extraArguments, org: chosen.org, env: chosen.env,
            projectRoot: root, environment: variables, isDryRun: isDryRun)
        request.outputSubfolder = chosen.folderName
        let outcome = await RunExecution(environment: environment, console: console).execute(request)
        if let record = outcome.record {
            await metrics.export(record, environment: environment)
            // Under --json RunExecution has printed it already, as the last line.
            if !console.json, let line = try? record.jsonLine() { environment.writeOut(line + "\n") }
            terminationLog.write(TerminationMessage(record: record, targetIndex: chosen.index), environment: environment)
        }
        try RunExecution.check(outcome, console: console)
    }
}

extension PodRun {
    /// `runbook run <script> <org> <env> --targets …`: the target comes from the file.
    static func positionalError(script: String, targets: String) -> HelpfulError {
        HelpfulError(
            code: .usageCommandLine,
            problem: "--targets takes the org and env from the targets file: give no <org> <env>",
            solution: "Leave out <org> <env>, or leave out --targets to run one org/env",
            example: "runbook run \(script) --targets \(targets) --target-index 0", exitCode: .usage)
    }

    /// `--target-index` or `--termination-log` without `--targets`.
    static func withoutTargetsError(script: String) -> HelpfulError {
        HelpfulError(
            code: .usageCommandLine,
            problem: "--target-index and --termination-log need --targets FILE",
            solution: "Give the targets file the index refers to",
            example: "runbook run \(script) --targets targets.yaml --target-index 0", exitCode: .usage)
    }
}
