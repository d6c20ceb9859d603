import ArgumentParser
import Foundation
import Runbook

/// `runbook kubernetes run-local MANIFEST`: runs a generated Job here, applying its pod failure
/// policy, without a cluster.
struct KubernetesRunLocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-local",
        abstract: "Run a Job written by runbook kubernetes here: the pod command once per index, with its podFailurePolicy.",
        discussion: """
            Each index runs as a child process (`runbook run … --targets …` with JOB_COMPLETION_INDEX set) in the \
            project root; a counted exit code (1, 75) is retried up to backoffLimitPerIndex times, a FailIndex code \
            (2, 64, 78) fails the index at once, and once more than maxFailedIndexes have failed the rest do not run. \
            Exit code: 0 when the Job would be Complete, 1 when it would be Failed.
            """
    )

    @Argument(help: "The folder runbook kubernetes --output wrote, its job.yaml or cronjob.yaml, or its YAML stream.")
    var manifest: String

    @Option(name: .long, help: "The runbook executable the pods run (default: this one).")
    var runbook: String?

    @Option(name: .long, help: "The folder standing for the projected Secret volume, laid out <org>-<env>/<key> (default: an empty one).")
    var secretsDir: String?

    @Option(name: .long, help: "Where the pods' logs and termination logs go (default: a new folder in the temporary folder).")
    var workspace: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let job = try ManifestReader(path: manifest, currentDirectory: environment.currentDirectory).load()
        let folder = workspace.map { environment.resolvedPath($0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("runbook-run-local-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let executor = LocalJobExecutor(
            runbook: runbook.map { environment.resolvedPath($0) } ?? Self.currentExecutable,
            projectRoot: environment.projectRoot(global.projectRoot),
            secretsDirectory: secretsDir.map { environment.resolvedPath($0) },
            workspace: folder, variables: environment.variables)
        let result = try await executor.run(job)
        if global.json {
            environment.writeOut(try OutputStore.jsonText(result, pretty: false, name: "run-local result") + "\n")
        } else {
            environment.writeOut(result.text() + "Pod logs and termination logs: \(folder.path)\n")
        }
        if result.status != "Complete" { throw ArgumentParser.ExitCode(1) }
    }

    /// This process's executable.
    static var currentExecutable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}
