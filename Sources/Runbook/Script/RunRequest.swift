public import Foundation

/// What to run: a script, its options, the org/env, and where its configuration comes from.
public struct RunRequest: Sendable {
    /// The script type.
    public var script: any Script.Type
    /// The script's own command-line options (parsed by the script's `@Option`s).
    public var arguments: [String]
    /// The organisation.
    public var org: String
    /// The environment.
    public var env: String
    /// The project root (holds `config/`, `schemas/`, `data/`, `output/`).
    public var projectRoot: URL
    /// The environment variables (overrides, secret variables, `NO_COLOR`).
    public var environment: [String: String]
    /// `--dry-run`.
    public var isDryRun: Bool
    /// Where the configuration comes from.
    public var configuration: ConfigurationInput
    /// The run's id; nil (the default) makes a fresh one. Give one only to tie the run to an id
    /// made elsewhere: two runs with the same id would share file names.
    public var runID: RunID?
    /// A subfolder of `output/` the run writes its outputs and run record to instead of `output/`:
    /// `acme-prod` for a target run by `runbook fleet` or in a Kubernetes pod (see
    /// ``FleetTarget/folderName``), so targets never share a folder. Nil (the default): `output/`.
    public var outputSubfolder: String?

    /// Creates a request.
    public init(
        script: any Script.Type, arguments: [String] = [], org: String, env: String, projectRoot: URL,
        environment: [String: String] = [:], isDryRun: Bool = false, configuration: ConfigurationInput = .files,
        runID: RunID? = nil
    ) {
        self.runID = runID
        self.script = script
        self.arguments = arguments
        self.org = org
        self.env = env
        self.projectRoot = projectRoot
        self.environment = environment
        self.isDryRun = isDryRun
        self.configuration = configuration
    }
}

/// Where a run's configuration comes from.
public enum ConfigurationInput: Sendable {
    /// `config/{org}-{env}-config.*` and its secrets file under the project root.
    case files
    /// A document given in code (tests): YAML or JSON text, secrets by name, and whether to validate
    /// it against the project's schema (defaults are filled in either way).
    case inline(document: String, isJSON: Bool, secrets: [String: String], validate: Bool)
}
