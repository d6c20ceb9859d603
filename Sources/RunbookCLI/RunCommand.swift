import ArgumentParser
import Foundation
import Logging
import Runbook

/// `runbook run <script> <org> <env> [options]`.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script for an organisation and environment.",
        discussion: """
            Runner options may appear anywhere after <env>: --dry-run, --json, --log-level <level>, \
            --project-root <dir>. Every other option belongs to the script: `runbook run <script> <org> <env> --help` \
            lists them. Arguments after `--` go to the script untouched.
            """
    )

    @Argument(help: "The script to run (see `runbook list`).")
    var script: String

    @Argument(help: "Organization ID (e.g. 'acme').")
    var org: String

    @Argument(help: "Environment type (e.g. 'test', 'prod').")
    var env: String

    @Flag(name: .long, help: "Let the script read and report without changing anything.")
    var dryRun = false

    @Option(name: .long, help: "Console log level (default: info; the log file always gets debug).")
    var logLevel: LogLevelOption?

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .captureForPassthrough, help: "The script's own options.")
    var scriptOptions: [String] = []

    func run() async throws {
        let environment = CLIContext.environment
        let flags = RunnerFlags(scriptOptions)
        let json = global.json || flags.json
        guard let scriptType = environment.catalog.script(named: script) else {
            environment.writeError(environment.errorRenderer(json: json).render(environment.catalog.unknownScript(script)))
            throw ArgumentParser.ExitCode(Runbook.ExitCode.usage.rawValue)
        }
        if flags.help {
            environment.writeOut(scriptType.helpMessage(columns: 100) + "\n")
            return
        }
        let levelText = flags.logLevel ?? logLevel?.rawValue
        guard levelText == nil || LogLevelOption(rawValue: levelText ?? "") != nil else {
            throw ValidationError("--log-level must be one of \(LogLevelOption.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let request = RunRequest(
            script: scriptType, arguments: flags.scriptArguments, org: org, env: env,
            projectRoot: environment.projectRoot(flags.projectRoot ?? global.projectRoot),
            environment: environment.variables, isDryRun: dryRun || flags.dryRun)
        let console = ConsoleLogOptions(
            level: levelText.flatMap(LogLevelOption.init(rawValue:))?.level, json: json)
        let outcome = await RunExecution(environment: environment, console: console).execute(request)
        guard outcome.exitCode == .success else {
            throw ArgumentParser.ExitCode(outcome.exitCode.rawValue)
        }
    }
}
