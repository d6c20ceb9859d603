import Foundation
import Logging
import ArgumentParser

/// Runs one script end to end: parses its options, loads and validates the configuration, sets up
/// redacting logs, builds the service container (config, secrets, clock, output, results, HTTP
/// clients), calls `run`, and turns the ending into a `RunOutcome` with an exit code. The CLI and
/// the test harness both use it, so a test runs exactly what production runs.
///
/// ```swift
/// let runner = ScriptRunner()
/// let outcome = await runner.run(RunRequest(script: HelloWorld.self, org: "demo", env: "test", projectRoot: root))
/// ```
public struct ScriptRunner: Sendable {
    /// The run's clock.
    public var clock: any RunbookClock
    /// Builds the run's logging once the configuration and secrets are known.
    public var makeLogging: @Sendable (RunLogSetup) throws -> RunLogging
    /// Called after the standard services are registered: tests replace any of them here.
    public var configureServices: @Sendable (ServiceContainer) -> Void

    /// Creates a runner. By default logs go to the console (INFO) and `logs/` (DEBUG).
    public init(
        clock: any RunbookClock = SystemClock(),
        makeLogging: (@Sendable (RunLogSetup) throws -> RunLogging)? = nil,
        configureServices: @escaping @Sendable (ServiceContainer) -> Void = { _ in }
    ) {
        self.clock = clock
        self.makeLogging = makeLogging ?? { [clock] setup in
            try RunLogging.standard(
                root: setup.projectRoot, org: setup.org, env: setup.env, script: setup.scriptName, runID: setup.runID,
                redactor: setup.redactor, clock: clock, environment: [:],
                consoleLevel: setup.configWantsDebug ? .debug : .info, format: setup.configLogFormat)
        }
        self.configureServices = configureServices
    }

    /// Runs the request; never throws: every failure becomes the outcome's `HelpfulError`, and
    /// every outcome (success, failures, error, interruption, configuration or usage error) gets a
    /// run record saved under `output/`.
    public func run(_ request: RunRequest) async -> RunOutcome {
        let now = clock.now()
        let start = RunStart(id: request.runID ?? RunID.generate(at: now), date: now, monotonic: clock.monotonicNow())
        let registry = SecretRegistry()
        let script: any Script
        do {
            script = try request.script.parse(request.arguments)
        } catch {
            return await finishUnstarted(request, start: start, failure: usageError(request.script, error), registry: registry)
        }
        // One run of a script per org/env at a time, whatever its outcome (released on every return).
        let lock: ScriptRunLock
        do {
            lock = try takeRunLock(request, start: start)
        } catch {
            return await finishUnstarted(request, start: start, failure: error, registry: registry)
        }
        defer { lock.release() }
        let prepared: PreparedRun
        do {
            prepared = try prepare(request, runID: start.id, registry: registry)
        } catch {
            // Secrets are known by now: a value that leaked into a message is removed.
            return await finishUnstarted(
                request, start: start, failure: error.redacted(by: Redactor(secrets: registry)), registry: registry)
        }
        let context = prepared.context
        tidyUp(prepared, start: start)
        reportTakeOver(lock, logger: context.logger)
        let dryRun = request.isDryRun ? " (dry run)" : ""
        context.logger.info("Starting \(request.script.name) for \(request.org)/\(request.env)\(dryRun)")
        // One span for the run: every HTTP call made in it becomes its child.
        return await RunTracing.withRunSpan(
            script: request.script.name, org: request.org, env: request.env, runID: "\(start.id)"
        ) { span in
            var failure: HelpfulError?
            do {
                try await script.run(context)
            } catch {
                failure = HelpfulError.wrapping(error)
            }
            if Task.isCancelled, failure?.exitCode != .interrupted {
                // Ctrl-C ends with 130, whatever error the cancellation caused on its way out.
                var interrupted = HelpfulError.wrapping(CancellationError())
                if let failure { interrupted.details = ["While stopping: \(failure.problem)"] }
                failure = interrupted
            }
            let outcome = await finish(prepared, start: start, failure: failure)
            RunTracing.recordOutcome(span, exitCode: outcome.exitCode.rawValue)
            return outcome
        }
    }

    /// Everything a run needs once the configuration is valid.
    struct PreparedRun {
        let request: RunRequest
        let context: ScriptContext
        let logging: RunLogging
        let redactor: Redactor
    }

    private func prepare(_ request: RunRequest, runID: RunID, registry: SecretRegistry) throws(HelpfulError) -> PreparedRun {
        let loaded = try loadConfiguration(request, registry: registry)
        let redactor = Redactor(secrets: registry, patterns: try RedactionPatterns.forProject(at: request.projectRoot))
        let setup = RunLogSetup(
            runID: runID, label: "runbook.\(request.script.name)", org: request.org, env: request.env,
            scriptName: request.script.name, projectRoot: request.projectRoot, redactor: redactor, config: loaded.proxy)
        let logging: RunLogging
        do {
            logging = try makeLogging(setup)
        } catch {
            throw HelpfulError(
                code: .runLoggingUnavailable,
                problem: "Cannot set up logging: \(error)",
                solution: "Check that the project folder's logs/ directory can be created and written",
                example: "mkdir -p logs && touch logs/.write-test",
                location: .file("logs/"), exitCode: .configuration)
        }
        let logger = logging.makeLogger(label: setup.label)
        for warning in loaded.warnings { logger.warning("\(warning)") }
        let services = ServiceContainer()
        var output = OutputStore(
            root: request.projectRoot, clock: clock, logger: logger, runID: runID, redactor: redactor, recordsFiles: true)
        output.outputSubfolder = request.outputSubfolder
        let results = ProcessingResults()
        try StandardServices(loaded: loaded, logger: logger, registry: registry, clock: clock,
                             projectRoot: request.projectRoot, environment: request.environment)
            .register(in: services, output: output, results: results)
        configureServices(services)
        let context = ScriptContext(
            org: request.org, env: request.env, scriptName: request.script.name, isDryRun: request.isDryRun,
            config: loaded.proxy, secrets: loaded.secrets, logger: logger, clock: clock,
            projectRoot: request.projectRoot, services: services, output: output, results: results, runID: runID)
        return PreparedRun(request: request, context: context, logging: logging, redactor: redactor)
    }

    func loadConfiguration(_ request: RunRequest, registry: SecretRegistry) throws(HelpfulError) -> LoadedConfiguration {
        let schemas = try ConfigSchemaSet(
            projectRoot: request.projectRoot, scriptName: request.script.name, scriptFragment: request.script.configSchema)
        let loader = ConfigLoader(projectRoot: request.projectRoot, environment: request.environment)
        switch request.configuration {
        case .files:
            return try loader.load(org: request.org, env: request.env, schemas: schemas, registry: registry)
        case .inline(let document, let isJSON, let secrets, let validate):
            return try loader.loadInline(
                document: document, isJSON: isJSON, secrets: secrets, validate: validate,
                org: request.org, env: request.env, schemas: schemas, registry: registry)
        }
    }

    private func usageError(_ script: any Script.Type, _ error: any Error) -> HelpfulError {
        HelpfulError(
            code: .usageScriptOptions,
            problem: "Invalid options for \(script.name): \(script.message(for: error))",
            solution: "Check the script's options",
            example: "runbook run \(script.name) <org> <env> --help",
            exitCode: .usage
        )
    }
}
