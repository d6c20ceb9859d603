import ArgumentParser
import Runbook

/// `runbook`: the root command.
struct RunbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Run operational automation scripts per organisation and environment.",
        discussion: """
            Configuration lives in config/{org}-{env}-config.yaml (or .yml/.json), validated against \
            schemas/org-env-config.schema.json; secrets in config/{org}-{env}-config-secrets.yaml or \
            RUNBOOK_SECRET_<KEY> variables.

            Exit codes: 0 success, 1 the script failed, 2 finished with failed results, 64 usage error, \
            75 temporary failure (retry later), 78 configuration error, 130 interrupted.
            """,
        subcommands: [RunCommand.self, ListCommand.self, ValidateCommand.self, ConfigCommand.self, NewCommand.self, DocsCommand.self, HistoryCommand.self, ShowCommand.self, FleetCommand.self, CollectCommand.self, ReportCommand.self, KubernetesCommand.self]
    )

    @Flag(name: .long, help: "Show the Runbook version.")
    var version = false

    func run() async throws {
        guard version else { throw CleanExit.helpRequest(self) }
        CLIContext.environment.writeOut(RunbookVersion.current + "\n")
    }
}
