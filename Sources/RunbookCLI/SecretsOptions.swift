import ArgumentParser
import Foundation
import JSONSchema
import Runbook

/// `--secrets-dir DIR`, accepted by `run`, `validate` and `config`: secrets read from
/// `DIR/{org}-{env}/<key>` files, as Kubernetes and Docker mount them (`SecretFileSources`).
struct SecretsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Also read secrets from DIR/<org>-<env>/<key>, one file per key (default: $RUNBOOK_SECRETS_DIR).",
        valueName: "dir"))
    var secretsDir: String?

    /// The variables the loader reads: with `--secrets-dir`, `RUNBOOK_SECRETS_DIR` set to it (a
    /// relative path is relative to the current directory, as for any command-line path).
    func variables(_ environment: CLIEnvironment) -> [String: String] {
        guard let secretsDir, !secretsDir.isEmpty else { return environment.variables }
        var variables = environment.variables
        let url = secretsDir.hasPrefix("/")
            ? URL(fileURLWithPath: secretsDir) : environment.currentDirectory.appendingPathComponent(secretsDir)
        variables[SecretFileSources.directoryVariable] = url.standardizedFileURL.path
        return variables
    }

    /// Writes the loader's warnings (files readable by group or others) to standard error.
    static func report(_ warnings: [String], json: Bool, environment: CLIEnvironment) {
        for warning in warnings {
            environment.writeError(json ? "{\"warning\":\(JSONStringLiteral.quoted(warning))}\n" : "⚠️  Warning: \(warning)\n")
        }
    }
}
