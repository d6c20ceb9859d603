import ArgumentParser
import Runbook

/// `runbook docs`: prints the configuration reference generated from the schema.
struct DocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Print the configuration reference (Markdown) generated from the schema."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let docs = SchemaDocumentation(projectRoot: environment.projectRoot(global.projectRoot))
        environment.writeOut(ConfigReference(docs: docs).markdown() + "\n")
    }
}
