import ArgumentParser

/// `runbook kubernetes <script> --targets FILE --image IMAGE …` writes the manifests of a fleet on
/// Kubernetes; `runbook kubernetes run-local MANIFEST` runs them here, one index after another.
struct KubernetesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes",
        abstract: "Write Kubernetes manifests for a fleet (an Indexed Job or a CronJob), or run them locally.",
        subcommands: [KubernetesGenerateCommand.self, KubernetesRunLocalCommand.self],
        defaultSubcommand: KubernetesGenerateCommand.self
    )
}
