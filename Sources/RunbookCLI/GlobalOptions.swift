import ArgumentParser

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder holding config/ and schemas/ (default: $RUNBOOK_PROJECT_ROOT or the current directory).")
    var projectRoot: String?

    @Flag(name: .long, help: "Write errors and summaries as JSON.")
    var json = false
}
