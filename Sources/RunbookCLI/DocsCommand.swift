import ArgumentParser
import Runbook

/// `runbook docs [config|errors]`: prints a reference generated from the code: the configuration
/// reference from the schema (`docs/configuration.md`, the default), or every error code
/// (`docs/errors.md`).
struct DocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Print a Markdown reference generated from the code: the configuration (default) or the error codes."
    )

    /// The reference to print.
    enum Topic: String, ExpressibleByArgument, CaseIterable {
        /// `docs/configuration.md`.
        case config
        /// `docs/errors.md`.
        case errors
    }

    @Argument(help: "config (the configuration reference) or errors (every error code).")
    var topic: Topic = .config

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        switch topic {
        case .config:
            let docs = SchemaDocumentation(projectRoot: environment.projectRoot(global.projectRoot))
            environment.writeOut(ConfigReference(docs: docs).markdown() + "\n")
        case .errors:
            environment.writeOut(ErrorCodeReference().markdown())
        }
    }
}
