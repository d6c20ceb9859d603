public import Foundation
public import Logging

/// Everything a script receives: who and where it runs for, its configuration and secrets, the
/// run's logger, clock and services.
///
/// ```swift
/// func run(_ context: ScriptContext) async throws {
///     let url = try context.config.require(URL.self, "global", "api-base-url")
///     let key = try context.secrets.require("api-key")
///     context.logger.info("Calling \(url)")
///     if context.isDryRun { return }
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

    /// Creates a context (the runner and the test harness do this).
    public init(
        org: String, env: String, scriptName: String, isDryRun: Bool, config: ConfigProxy,
        secrets: SecretStore, logger: Logger, clock: any RunbookClock, projectRoot: URL, services: ServiceContainer
    ) {
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
    }

    /// Resolves a service from the container.
    public func resolve<Service>(_ type: Service.Type = Service.self, name: String? = nil) throws -> Service {
        try services.resolve(type, name: name)
    }
}
