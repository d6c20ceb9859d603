import Foundation
import Logging
import ArgumentParser

/// Runs one script end to end: parses its options, loads and validates the configuration, sets up
/// redacting logs, builds the service container (config, secrets, clock, output, results, HTTP
/// clients), calls `run`, and turns the ending into a `RunOutcome` with an exit code. The CLI and
/// the test harness both use it, so a test runs exactly what production runs.
///
/// ```swift
/// let runner = ScriptRunner(logOptions: RunLogOptions(level: .debug))
/// let outcome = await runner.run(RunRequest(script: HelloWorld.self, org: "demo", env: "test", projectRoot: root))
/// ```
public struct ScriptRunner: Sendable {
    /// The run's clock.
    public var clock: any RunbookClock
    /// How the runner builds the run's standard logging (console and `logs/` file): the flags'
    /// level and format, the console, the colour variables.
    public var logOptions: RunLogOptions
    /// Replaces the standard logging (tests route every line to a capture); nil: the standard one
    /// from `logOptions`.
    public var makeLogging: (@Sendable (RunLogSetup) throws -> RunLogging)?
    /// Told the run's logging once it exists (the CLI routes the process's other loggers through
    /// it); it builds nothing.
    public var loggingStarted: @Sendable (RunLogging) -> Void
    /// Called after the standard services are registered: tests replace any of them here.
    public var configureServices: @Sendable (ServiceContainer) -> Void

    /// Creates a runner. By default logs go to the console (INFO) and `logs/` (DEBUG).
    public init(
        clock: any RunbookClock = SystemClock(),
        logOptions: RunLogOptions = RunLogOptions(),
        makeLogging: (@Sendable (RunLogSetup) throws -> RunLogging)? = nil,
        loggingStarted: @escaping @Sendable (RunLogging) -> Void = { _ in },
        configureServices: @escaping @Sendable (ServiceContainer) -> Void = { _ in }
    ) {
        self.clock = clock
        self.logOptions = logOptions
        self.makeLogging = makeLogging
        self.loggingStarted = loggingStarted
        self.configureServices = configureServices
    }

    /// Runs the request; never throws: every failure becomes the outcome's `HelpfulError`, and
    /// every outcome (success, failures, error, interruption, configuration or usage error) gets a
    /// run record saved under `output/`.
    public func run(_ request: RunRequest) async -> RunOutcome {
        let run = Run(request, clock: clock, console: logOptions.console)
        let script: any Script
        do {
            script = try request.script.parse(request.arguments)
        } catch {
            return await finishUnstarted(run, request, failure: usageError(request.script, error))
        }
        // One run of a script per org/env at a time, whatever its outcome (released on every return).
        let lock: ScriptRunLock
        do {
            lock = try takeRunLock(run, environment: request.environment)
        } catch {
            return await finishUnstarted(run, request, failure: error)
        }
        defer { lock.release() }
        let prepared: PreparedRun
        var logFormat: LogLineFormat?
        do {
            prepared = try prepare(run, request, logFormat: &logFormat)
        } catch {
            // Secrets are known by now: a value that leaked into a message is removed.
            var outcome = await finishUnstarted(run, request, failure: error.redacted(by: Redactor(secrets: run.secrets)))
            outcome.logFormat = logFormat
            return outcome
        }
        let context = prepared.context
        tidyUp(prepared)
        reportTakeOver(lock, logger: context.logger)
        let dryRun = run.isDryRun ? " (dry run)" : ""
        context.logger.info("Starting \(run.script.name) for \(run.org)/\(run.env)\(dryRun)")
        // One span for the run: every HTTP call made in it becomes its child.
        return await RunTracing.withRunSpan(
            script: run.script.name, org: run.org, env: run.env, runID: "\(run.id)"
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
            let outcome = await finish(prepared, failure: failure)
            RunTracing.recordOutcome(span, exitCode: outcome.exitCode.rawValue)
            return outcome
        }
    }

    /// Everything a run needs once the configuration is valid.
    struct PreparedRun {
        /// The run, with its redactor and logger.
        let run: Run
        let request: RunRequest
        let context: ScriptContext
        let logging: RunLogging
        /// The format the run's log lines use (flag, else configuration).
        let logFormat: LogLineFormat
    }

    /// Loads the configuration, decodes the console settings (a wrong type fails here), builds the
    /// logging and the services. `logFormat` is set as soon as it is known, for an error after it.
    private func prepare(
        _ run: Run, _ request: RunRequest, logFormat: inout LogLineFormat?
    ) throws(HelpfulError) -> PreparedRun {
        let loaded = try loadConfiguration(request, registry: run.secrets)
        let settings = try RunConsoleSettings(config: loaded.proxy)
        let format = logOptions.format ?? settings.logFormat
        logFormat = format
        let redactor = Redactor(secrets: run.secrets, patterns: try RedactionPatterns.forProject(at: run.projectRoot))
        let redacting = run.withLogging(redactor: redactor, logger: run.logger)
        let logging: RunLogging
        do {
            if let makeLogging {
                logging = try makeLogging(RunLogSetup(redacting, config: loaded.proxy))
            } else {
                logging = try RunLogging.standard(
                    redacting, level: logOptions.level ?? (settings.wantsDebug ? .debug : .info), format: format,
                    options: logOptions)
            }
        } catch {
            throw HelpfulError(
                code: .runLoggingUnavailable,
                problem: "Cannot set up logging: \(error)",
                solution: "Check that the project folder's logs/ directory can be created and written",
                example: "mkdir -p logs && touch logs/.write-test",
                location: .file("logs/"), exitCode: .configuration)
        }
        loggingStarted(logging)
        let run = redacting.withLogging(redactor: redactor, logger: logging.makeLogger(label: redacting.label))
        let logger = run.logger
        for warning in loaded.warnings { logger.warning("\(warning)") }
        let services = ServiceContainer()
        var output = OutputStore(
            root: run.projectRoot, clock: clock, logger: logger, runID: run.id, redactor: redactor, recordsFiles: true)
        output.outputSubfolder = request.outputSubfolder
        let results = ProcessingResults()
        try StandardServices(loaded: loaded, logger: logger, registry: run.secrets, clock: clock,
                             projectRoot: run.projectRoot, environment: request.environment)
            .register(in: services, output: output, results: results)
        configureServices(services)
        let context = ScriptContext(
            run: run, config: loaded.proxy, secrets: loaded.secrets, services: services, output: output,
            results: results, progressBarsEnabled: settings.progressBars)
        return PreparedRun(run: run, request: request, context: context, logging: logging, logFormat: format)
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
