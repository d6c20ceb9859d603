import ArgumentParser
import Foundation
import Runbook

/// `runbook config <org> <env> [--explain key.path]`: the effective configuration with each value's
/// origin (file:line:column and its layer, environment variable, schema default); secrets by name
/// only, never by value.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration and where each value came from.",
        discussion: """
            Secrets are listed by name and origin, never by value. Each script's own section
            (scripts.<name>) is filled in and checked with the script's schema fragment, as `run` does.
            With --json: one JSON object (docs/cli.md describes its fields).
            """
    )

    @Argument(help: "Organization ID (e.g. 'acme').")
    var org: String

    @Argument(help: "Environment type (e.g. 'test', 'prod').")
    var env: String

    @Option(name: .long, help: "Explain one key: its value, origin, and schema documentation (e.g. script-behavior.retry-strategy.max-retries).")
    var explain: String?

    @OptionGroup var secrets: SecretsOptions

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        let registry = SecretRegistry()
        let scripts = environment.catalog.scripts
        let loaded: LoadedConfiguration
        do {
            loaded = try RunConfigurationCheck(projectRoot: root, environment: secrets.variables(environment))
                .load(org: org, env: env, scripts: scripts, registry: registry)
        } catch {
            // The secrets loaded so far are removed from it before `RunbookMain` shows it.
            throw error.redacted(Redactor(secrets: registry).redactSecrets)
        }
        SecretsOptions.report(loaded.warnings, json: global.json, environment: environment)
        let printer = EffectiveConfigPrinter(loaded: loaded, schemaDocs: SchemaDocumentation(projectRoot: root, scripts: scripts))
        if let explain {
            do {
                let path = ConfigKeyPath.parse(explain)
                environment.writeOut(global.json ? try printer.explainJSON(path) : try printer.explain(path))
            } catch {
                throw error.redacted(Redactor(secrets: registry).redactSecrets)
            }
        } else {
            environment.writeOut(global.json ? printer.renderJSON() : printer.render())
        }
    }
}
