public import Foundation
public import Logging
import ArgumentParser

/// Runs one script end to end: parses its options, loads and validates the configuration, builds
/// the service container, calls `run`, and turns the ending into a `RunOutcome` with an exit code.
/// The CLI and the test harness both use it, so a test runs exactly what production runs.
///
/// ```swift
/// let runner = ScriptRunner()
/// let outcome = await runner.run(RunRequest(script: HelloWorld.self, org: "demo", env: "test", projectRoot: root))
/// ```
public struct ScriptRunner: Sendable {
    /// The run's clock.
    public var clock: any RunbookClock
    /// Builds the run's logger once the configuration and secrets are known (so it can redact them).
    public var makeLogger: @Sendable (RunLogSetup) -> Logger
    /// Called after the standard services are registered: tests replace any of them here.
    public var configureServices: @Sendable (ServiceContainer) -> Void

    /// Creates a runner.
    public init(
        clock: any RunbookClock = SystemClock(),
        makeLogger: @escaping @Sendable (RunLogSetup) -> Logger = { Logger(label: $0.label) },
        configureServices: @escaping @Sendable (ServiceContainer) -> Void = { _ in }
    ) {
        self.clock = clock
        self.makeLogger = makeLogger
        self.configureServices = configureServices
    }

    /// Runs the request; never throws: every failure becomes the outcome's `HelpfulError`.
    public func run(_ request: RunRequest) async -> RunOutcome {
        let registry = SecretRegistry()
        let script: any Script
        do {
            script = try request.script.parse(request.arguments)
        } catch {
            return RunOutcome(exitCode: .usage, error: usageError(request.script, error))
        }
        let loaded: LoadedConfiguration
        do {
            loaded = try loadConfiguration(request, registry: registry)
        } catch {
            return RunOutcome(exitCode: error.exitCode, error: error)
        }
        let logger = makeLogger(
            RunLogSetup(
                label: "runbook.\(request.script.name)", org: request.org, env: request.env,
                scriptName: request.script.name, secrets: registry, config: loaded.proxy))
        let services = ServiceContainer()
        registerStandardServices(services, loaded: loaded, logger: logger, registry: registry, request: request)
        configureServices(services)
        let context = ScriptContext(
            org: request.org, env: request.env, scriptName: request.script.name, isDryRun: request.isDryRun,
            config: loaded.proxy, secrets: loaded.secrets, logger: logger, clock: clock,
            projectRoot: request.projectRoot, services: services)
        logger.info("Starting \(request.script.name) for \(request.org)/\(request.env)\(request.isDryRun ? " (dry run)" : "")")
        do {
            try await script.run(context)
            if Task.isCancelled { throw CancellationError() }
        } catch {
            let helpful = HelpfulError.wrapping(error)
            return RunOutcome(exitCode: helpful.exitCode, error: helpful)
        }
        return RunOutcome(exitCode: .success)
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

    private func registerStandardServices(
        _ services: ServiceContainer, loaded: LoadedConfiguration, logger: Logger, registry: SecretRegistry,
        request: RunRequest
    ) {
        services.register(Logger.self, instance: logger)
        services.register(ConfigProxy.self, instance: loaded.proxy)
        services.register(SecretStore.self, instance: loaded.secrets)
        services.register(SecretRegistry.self, instance: registry)
        services.register((any RunbookClock).self, instance: clock)
    }

    private func usageError(_ script: any Script.Type, _ error: any Error) -> HelpfulError {
        HelpfulError(
            problem: "Invalid options for \(script.name): \(script.message(for: error))",
            solution: "Check the script's options",
            example: "runbook run \(script.name) --help",
            exitCode: .usage
        )
    }
}
