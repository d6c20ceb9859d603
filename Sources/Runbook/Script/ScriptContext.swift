public import Foundation
public import Logging

/// Everything a script receives: who and where it runs for, its configuration and secrets, the
/// run's logger, clock and services.
///
/// ```swift
/// func run(_ context: ScriptContext) async throws {
///     let api = try context.restClient()                      // from global.api-base-url
///     let rows = try context.output.loadCSV(from: .data, name: "customers.csv")
///     context.logger.info("Syncing \(rows.count - 1) customers")
///     if context.isDryRun { return }
///     context.results.created("customer/42")
/// }
/// ```
public struct ScriptContext: Sendable {
    /// The organisation (`acme`).
    public let org: String
    /// The environment (`prod`).
    public let env: String
    /// The running script's name.
    public let scriptName: String
    /// True under `--dry-run`: the script should read and report, but change nothing.
    public let isDryRun: Bool
    /// The validated configuration.
    public let config: ConfigProxy
    /// The secrets.
    public let secrets: SecretStore
    /// The run's logger (redacting).
    public let logger: Logger
    /// The run's clock.
    public let clock: any RunbookClock
    /// The project root (holds `config/`, `data/`, `output/`, …).
    public let projectRoot: URL
    /// The run's service container: resolve clients and your own registered services.
    public let services: ServiceContainer
    /// Output files: save and load by extension in the project's folders, atomically.
    public let output: OutputStore
    /// What the script did: created, updated, skipped, failed, expected errors. Summarised at the end.
    public let results: ProcessingResults
    /// The run's unique id (in the run record and the name of every file the run writes).
    public let runID: RunID
    /// The run's console, where a progress bar is drawn (the runner sets it: the CLI's standard
    /// error, or a test's capture).
    var console: any ConsoleOutput = FileDescriptorConsole.standardError
    /// `script-behavior.enable-progress-bars`, decoded when the run started (the runner sets it).
    var progressBarsEnabled = false

    /// Creates a context (the runner does this). Without `runID`, the output store's run id is used,
    /// else a fresh one.
    public init(
        org: String, env: String, scriptName: String, isDryRun: Bool, config: ConfigProxy,
        secrets: SecretStore, logger: Logger, clock: any RunbookClock, projectRoot: URL, services: ServiceContainer,
        output: OutputStore, results: ProcessingResults, runID: RunID? = nil
    ) {
        self.runID = runID ?? output.runID ?? RunID.generate(at: clock.now())
        self.org = org
        self.env = env
        self.scriptName = scriptName
        self.isDryRun = isDryRun
        self.config = config
        self.secrets = secrets
        self.logger = logger
        self.clock = clock
        self.projectRoot = projectRoot
        self.services = services
        self.output = output
        self.results = results
    }

    /// The context of `run` (the runner makes it once the services exist): who, where, as what,
    /// its logger and console come from the run.
    init(
        run: Run, config: ConfigProxy, secrets: SecretStore, services: ServiceContainer, output: OutputStore,
        results: ProcessingResults, progressBarsEnabled: Bool
    ) {
        self.init(
            org: run.org, env: run.env, scriptName: run.script.name, isDryRun: run.isDryRun, config: config,
            secrets: secrets, logger: run.logger, clock: run.clock, projectRoot: run.projectRoot, services: services,
            output: output, results: results, runID: run.id)
        self.console = run.console
        self.progressBarsEnabled = progressBarsEnabled
    }

    /// Resolves a service from the container.
    public func resolve<Service>(_ type: Service.Type = Service.self, name: String? = nil) throws -> Service {
        try services.resolve(type, name: name)
    }
}
