import ArgumentParser
import Foundation
import Logging
import Runbook

/// `runbook run <script> <org> <env> [options]`.
///
/// One parser reads the whole command line: the runner's options (`--dry-run`, `--log-level`,
/// `--log-format`, `--json`, `--project-root`) anywhere after `run`, everything else (and everything
/// after `--`) for the script. `-h`/`--help` belong to the script: they show its options.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script for an organisation and environment.",
        usage: """
            runbook run <script> <org> <env> [<script options>] [--dry-run] [--log-level <level>] \
            [--log-format text|json] [--json] [--secrets-dir <dir>] \
            [--metrics-file <file>] [--push-metrics <url>] [--project-root <dir>]
            """,
        discussion: """
            Runner options may appear anywhere after `run`. Every other option belongs to the script: \
            `runbook run <script> <org> <env> --help` lists them. Arguments after `--` go to the script untouched.
            In a Kubernetes pod: `runbook run <script> --targets <file> [--target-index <n>]` runs entry n of the \
            targets file (n defaults to JOB_COMPLETION_INDEX) and ends standard output with the run record.
            """,
        helpNames: []
    )

    @OptionGroup var runner: RunnerOptions<RunOptionsHelp>

    @Option(name: .long, help: "Also write the run's metrics in the Prometheus text format to this file (node_exporter's textfile collector).")
    var metricsFile: String?

    @Option(name: .long, help: "Also push the run's metrics to this Prometheus Pushgateway URL (grouped by job=script, org, env).")
    var pushMetrics: String?

    @OptionGroup var secrets: SecretsOptions

    @Option(name: .long, help: "In a pod: run the target at --target-index of this targets file (then give no <org> <env>).")
    var targets: String?

    @Option(name: .long, help: "With --targets: the target's index, 0-based (default: the JOB_COMPLETION_INDEX variable).")
    var targetIndex: Int?

    @Option(name: .long, help: "With --targets: write the compact run record here (default: /dev/termination-log, when it exists).")
    var terminationLog: String?

    @OptionGroup var global: GlobalOptions

    // Everything the runner's options leave, in order: <script> <org> <env>, then the script's own
    // options (one list, because the argument parser would drop an unknown option that comes
    // before an optional positional argument).
    @Argument(
        parsing: .allUnrecognized,
        help: "<script> <org> <env>, then the script's own options (`runbook list` shows the scripts).")
    var arguments: [String] = []

    func run() async throws {
        let environment = CLIContext.environment
        let positional = arguments.prefix(3).prefix { !$0.hasPrefix("-") }
        let (script, org, env) = (positional.first, positional.dropFirst().first, positional.dropFirst(2).first)
        let options = ScriptArguments(Array(arguments.dropFirst(positional.count)))
        guard let script else {
            guard options.wantsHelp else { throw ScriptArguments.missing("script", catalog: environment.catalog) }
            environment.writeOut(Self.helpMessage(columns: 100) + "\n")
            return
        }
        guard let scriptType = environment.catalog.script(named: script) else {
            throw environment.catalog.unknownScript(script)
        }
        if options.wantsHelp {
            environment.writeOut(ScriptHelp.text(for: scriptType))
            return
        }
        if let targets {
            guard org == nil else { throw PodRun.positionalError(script: script, targets: targets) }
            try await PodRun(
                target: PodTarget(file: targets, index: targetIndex), terminationLog: TerminationLog(path: terminationLog),
                console: runner.console(json: global.json),
                isDryRun: runner.dryRun, projectRoot: global.projectRoot, variables: secrets.variables(environment),
                metrics: RunMetricsExport(file: metricsFile, pushGateway: pushMetrics)
            ).run(scriptType, extraArguments: options.arguments, environment: environment)
            return
        }
        guard targetIndex == nil, terminationLog == nil else { throw PodRun.withoutTargetsError(script: script) }
        guard let org else { throw ScriptArguments.missing("org", catalog: environment.catalog) }
        guard let env else { throw ScriptArguments.missing("env", catalog: environment.catalog) }
        try options.checkHabits(of: scriptType, org: org, env: env)
        var request = RunRequest(
            script: scriptType, arguments: options.arguments, org: org, env: env,
            projectRoot: environment.projectRoot(global.projectRoot),
            environment: secrets.variables(environment), isDryRun: runner.dryRun,
            runID: environment.variables[FleetChildGuard.runIDVariable].flatMap(RunID.init))
        if environment.variables[FleetChildGuard.parentVariable] != nil {
            // A fleet's target: its outputs and record go to output/{org}-{env}/ (docs/fleets.md).
            request.outputSubfolder = "\(org)-\(env)"
        }
        let console = runner.console(json: global.json)
        let outcome = await RunExecution(environment: environment, console: console).execute(request)
        if let record = outcome.record {
            await RunMetricsExport(file: metricsFile, pushGateway: pushMetrics)
                .export(record, environment: environment)
        }
        try RunExecution.check(outcome, console: console)
    }
}
