import ArgumentParser
import Foundation
import Runbook

/// `runbook config <org> <env> [--explain key.path]`: the effective configuration with each value's
/// origin (file:line, environment variable, schema default); secrets by name only, never by value.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration and where each value came from.",
        discussion: "Secrets are listed by name and origin, never by value."
    )

    @Argument(help: "Organization ID (e.g. 'acme').")
    var org: String

    @Argument(help: "Environment type (e.g. 'test', 'prod').")
    var env: String

    @Option(name: .long, help: "Explain one key: its value, origin, and schema documentation (e.g. script-behavior.retry-strategy.max-retries).")
    var explain: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        let registry = SecretRegistry()
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigLoader(projectRoot: root, environment: environment.variables)
                .load(org: org, env: env, registry: registry)
        } catch {
            environment.writeError(environment.errorRenderer(json: global.json, registry: registry).render(error))
            throw ArgumentParser.ExitCode(error.exitCode.rawValue)
        }
        let printer = EffectiveConfigPrinter(loaded: loaded, schemaDocs: SchemaDocumentation(projectRoot: root))
        if let explain {
            do {
                environment.writeOut(try printer.explain(ConfigKeyPath.parse(explain)))
            } catch {
                environment.writeError(environment.errorRenderer(json: global.json, registry: registry).render(error))
                throw ArgumentParser.ExitCode(error.exitCode.rawValue)
            }
        } else {
            environment.writeOut(printer.render())
        }
    }
}
