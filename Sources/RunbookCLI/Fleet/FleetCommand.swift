import ArgumentParser
import Foundation
import Runbook

/// `runbook fleet <script> --targets FILE | --orgs a,b --envs x,y | --all | --rerun-failed REC | --resume REC`:
/// runs the script for many org/env targets, each in its own `runbook run` child process, at most
/// `--max-parallel` at once, and writes a fleet record (docs/fleets.md).
struct FleetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Run a script for many organisations and environments, each target in its own process.",
        usage: """
            runbook fleet <script> (--targets <file> | --orgs <a,b> --envs <x,y> | --all | --rerun-failed <record> | \
            --resume <record>) [--max-parallel <n>] [--output grouped|prefixed] [--halt-after <n|p%>] \
            [--target-timeout <duration>] [--retries <n>] [--retry-delay <duration>] [<script options>]
            """,
        discussion: """
            Each target runs as `runbook run <script> <org> <env>` in a child process of its own, writing its outputs \
            and run record to output/{org}-{env}/. The fleet record is output/fleet_<UTC>_<id>.json. Exit codes: \
            0 every target succeeded, 2 some completed with failures, 1 some failed, 75 the only failures were \
            temporary (exit 75), 130 interrupted; 64/78 before anything ran for a bad targets list.
            """
    )

    @Option(name: .long, help: "The targets file (YAML or JSON, schemas/fleet-targets.schema.json).")
    var targets: String?

    @Option(name: .long, help: "Comma-separated organisations (with --envs: every org × env).")
    var orgs: String?

    @Option(name: .long, help: "Comma-separated environments (with --orgs).")
    var envs: String?

    @Flag(name: .long, help: "Every org/env that has a configuration file in config/.")
    var all = false

    @Option(name: .long, help: "Run only the targets of this fleet record that did not succeed (a new fleet).")
    var rerunFailed: String?

    @Option(name: .long, help: "Run the targets of this fleet record that never finished (the same fleet, continued).")
    var resume: String?

    @Option(name: .long, help: "The most targets running at once (default 4).")
    var maxParallel = 4

    @Option(name: .long, help: "grouped: each target's output as one block when it ends; prefixed: line by line, prefixed org/env.")
    var output: FleetOutputMode = .grouped

    @Option(name: .long, help: "Stop starting targets after this many failed (N) or this share of all targets (P%).")
    var haltAfter: String?

    @Option(name: .long, help: "Stop a target after this long (90s, 5m, 1h): SIGTERM, then SIGKILL.")
    var targetTimeout: String?

    @Option(name: .long, help: "Run a target that exited 75 (temporary failure) up to this many more times.")
    var retries = 0

    @Option(name: .long, help: "With --retries: wait this long before each retry (90s, 5m; default 30s).")
    var retryDelay = "30s"

    /// Handed to every target's `runbook run`.
    @OptionGroup var runner: RunnerOptions<FleetOptionsHelp>

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .allUnrecognized, help: "<script>, then script options every target gets.")
    var arguments: [String] = []

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        guard let name = arguments.first, !name.hasPrefix("-") else {
            throw FleetPlan.usage("Missing expected argument '<script>'", "Name the script the fleet runs")
        }
        guard let script = environment.catalog.script(named: name) else { throw environment.catalog.unknownScript(name) }
        let scriptArguments = ScriptArguments(Array(arguments.dropFirst())).arguments
        var settings = try settings(script: name, root: root, environment: environment, scriptArguments: scriptArguments)
        let plan = try FleetPlan(command: self, script: script, root: root, environment: environment, scriptArguments: scriptArguments)
        settings.fleetID = plan.record.fleetId.description
        let header = "Fleet \(plan.record.fleetId): \(plan.positions.count) target\(plan.positions.count == 1 ? "" : "s") "
            + "of \(name), at most \(settings.maxParallel) at once; record \(plan.displayPath)\n"
        if global.json { environment.writeError(header) } else { environment.writeOut(header) }
        let (record, exitCode) = try await FleetCoordinator(environment: environment, settings: settings)
            .run(plan.record, positions: plan.positions, url: plan.url)
        if global.json {
            try FleetRecordJSON.write(record, url: plan.url, environment: environment)
        } else {
            environment.writeOut("\n" + FleetTable.text(record, only: Set(plan.positions.map { record.targets[$0].index })))
            environment.writeOut("Fleet record: \(plan.displayPath)\n")
        }
        guard exitCode == .success else { throw ArgumentParser.ExitCode(exitCode.rawValue) }
    }

    private func settings(script: String, root: URL, environment: CLIEnvironment, scriptArguments: [String]) throws(HelpfulError) -> FleetSettings {
        guard maxParallel >= 1 else {
            throw FleetPlan.usage("--max-parallel must be at least 1, found \(maxParallel)", "Give how many targets may run at once")
        }
        guard retries >= 0 else { throw FleetPlan.usage("--retries must be 0 or more, found \(retries)", "Give a count") }
        guard let delay = FleetDuration.parse(retryDelay, allowingZero: true) else {
            throw FleetPlan.usage("--retry-delay '\(retryDelay)' is not a duration",
                                  "Give seconds (30), or a number with ms, s, m or h (500ms, 30s, 5m)")
        }
        var budget: FleetHaltBudget?
        if let haltAfter {
            guard let parsed = FleetHaltBudget(haltAfter) else {
                throw FleetPlan.usage("--halt-after '\(haltAfter)' is neither a count nor a percentage",
                                      "Give a number of failed targets (3) or a share of all targets (10%)")
            }
            budget = parsed
        }
        var timeout: Duration?
        if let targetTimeout {
            guard let parsed = FleetDuration.parse(targetTimeout) else {
                throw FleetPlan.usage("--target-timeout '\(targetTimeout)' is not a duration",
                                      "Give seconds (90), or a number with ms, s, m or h (90s, 5m, 1h)")
            }
            timeout = parsed
        }
        var settings = FleetSettings(
            script: script, projectRoot: root, executable: FleetSettings.executable(environment: environment.variables),
            maxParallel: maxParallel, output: output, haltAfter: budget, targetTimeout: timeout, retries: retries,
            runnerArguments: runner.arguments, scriptArguments: scriptArguments, json: global.json)
        settings.retryDelay = delay
        return settings
    }
}

extension FleetOutputMode: ExpressibleByArgument {}
