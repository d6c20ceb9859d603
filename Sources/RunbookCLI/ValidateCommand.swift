import ArgumentParser
import Foundation
import Runbook

/// `runbook validate <org> <env>`, `runbook validate --all`, `runbook validate --schema S FILE...`.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate configurations, or any data files against any schema.",
        discussion: """
            runbook validate <org> <env>         one configuration (0 valid, 78 invalid), checked as
                                                 `run` checks it: the schema, each script's own
                                                 fragment (scripts.<name>), the API settings and
                                                 OAuth completeness
            runbook validate --all               every configuration in config/
            runbook validate --schema S FILE...  JSON or YAML files against schema S
                                                 (exit 0 valid, 1 invalid, 78 unusable)
            """
    )

    @Argument(help: "<org> <env>, or the files to check with --schema.")
    var arguments: [String] = []

    @Flag(name: .long, help: "Validate every configuration file in config/.")
    var all = false

    @Option(name: .long, help: "Validate FILE... against this JSON Schema (JSON or YAML).")
    var schema: String?

    @Option(name: .long, help: "Dialect for a schema without $schema: 2020-12 or 7.")
    var draft: DraftOption = .draft2020_12

    @Option(name: .long, help: "Format checking: assert or annotate.")
    var formats: FormatsOption = .assert

    @Option(name: .long, help: "URI-PREFIX=DIR: read references under the prefix from files in DIR (repeatable).")
    var registry: [String] = []

    @OptionGroup var secrets: SecretsOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if schema != nil {
            guard !arguments.isEmpty else { throw ValidationError("--schema needs at least one FILE to check") }
            guard !all else { throw ValidationError("--all and --schema cannot be combined") }
        } else if all {
            guard arguments.isEmpty else { throw ValidationError("--all takes no <org> <env>") }
        } else {
            guard arguments.count == 2 else { throw ValidationError("Expected <org> <env> (or --all, or --schema S FILE...)") }
        }
    }

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        let code: Int32
        if let schema {
            code = SchemaFileValidation(
                environment: environment, root: root, json: global.json, draft: draft, formats: formats,
                registry: registry
            ).run(schema: schema, files: arguments)
        } else if all {
            code = validateAll(environment: environment, root: root)
        } else {
            code = validateOne(arguments[0], arguments[1], environment: environment, root: root) ? 0 : 78
        }
        if code != 0 { throw ArgumentParser.ExitCode(code) }
    }

    private func validateOne(_ org: String, _ env: String, environment: CLIEnvironment, root: URL) -> Bool {
        let registry = SecretRegistry()
        let check = RunConfigurationCheck(projectRoot: root, environment: secrets.variables(environment))
        do {
            let loaded = try check.load(
                org: org, env: env, scripts: environment.catalog.scripts, registry: registry, checkClients: true)
            SecretsOptions.report(loaded.warnings, json: global.json, environment: environment)
            let layers = loaded.layerFiles.dropLast()
            let merged = layers.isEmpty ? "" : " (merged with \(layers.joined(separator: ", ")))"
            let message = "✅ \(org)/\(env): \(loaded.file)\(merged) is valid"
                + " (\(loaded.filledDefaults.count) defaults filled in, \(loaded.secrets.names.count) secrets)"
            environment.writeOut(global.json ? "{\"org\":\(jsonString(org)),\"env\":\(jsonString(env)),\"valid\":true}\n" : message + "\n")
            return true
        } catch {
            environment.writeError(environment.errorRenderer(json: global.json, registry: registry).render(error))
            return false
        }
    }

    private func validateAll(environment: CLIEnvironment, root: URL) -> Int32 {
        let pairs = ConfigFileDiscovery(projectRoot: root).allConfigurations()
        guard !pairs.isEmpty else {
            environment.writeError("No configuration files found in \(root.appendingPathComponent("config").path)\n")
            return Runbook.ExitCode.configuration.rawValue
        }
        let failures = pairs.filter { !validateOne($0.org, $0.env, environment: environment, root: root) }
        if !global.json {
            environment.writeOut("\(pairs.count - failures.count) of \(pairs.count) configurations are valid\n")
        }
        return failures.isEmpty ? 0 : Runbook.ExitCode.configuration.rawValue
    }
}

/// `--draft`.
enum DraftOption: String, ExpressibleByArgument, CaseIterable {
    case draft2020_12 = "2020-12"
    case draft7 = "7"
}

/// `--formats`.
enum FormatsOption: String, ExpressibleByArgument, CaseIterable {
    case assert
    case annotate
}
