import Foundation
import Logging

/// The services every run registers: logger, configuration, secrets, clock, output store, results,
/// and the HTTP stack (transport, token providers, `RestClient`s for `global` and each `apis.<name>`).
struct StandardServices {
    let loaded: LoadedConfiguration
    let logger: Logger
    let registry: SecretRegistry
    let clock: any RunbookClock
    /// The project root and the run's environment: where a shared rate limit keeps its state
    /// (`rate-limiting.scope`, `RUNBOOK_FLEET_ID`).
    var projectRoot: URL?
    var environment: [String: String] = [:]

    func register(in services: ServiceContainer, output: OutputStore, results: ProcessingResults) throws(HelpfulError) {
        services.register(Logger.self, instance: logger)
        services.register(ConfigProxy.self, instance: loaded.proxy)
        services.register(SecretStore.self, instance: loaded.secrets)
        services.register(SecretRegistry.self, instance: registry)
        services.register((any RunbookClock).self, instance: clock)
        services.register(OutputStore.self, instance: output)
        services.register(ProcessingResults.self, instance: results)
        let http = try HTTPConfiguration(loaded.proxy)
        HTTPServices.register(
            in: services, behavior: http.behavior, global: http.global, apis: http.apis, secrets: loaded.secrets.byName,
            logger: logger, clock: clock, secretRegistry: registry,
            rateLimitFolder: projectRoot.flatMap {
                http.behavior.rateLimiting.scope.stateFolder(projectRoot: $0, environment: environment)
            },
            environment: environment)
    }
}
