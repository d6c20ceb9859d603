import Foundation

/// The run's secrets by name: from `config/{org}-{env}-config-secrets.{yaml,yml,json}`, the secrets
/// folder, `RUNBOOK_SECRET_<KEY>_FILE` and `RUNBOOK_SECRET_<KEY>` variables (see `SecretsLoader`
/// for the order). A name is kebab-case, as in the
/// file (`client-secret`); the variable `RUNBOOK_SECRET_CLIENT_SECRET` sets `client-secret`.
///
/// ```swift
/// let secret = try context.secrets.require("client-secret")
/// let apiKey = context.secrets.optional("api-key")   // nil when not set or empty
/// ```
public struct SecretStore: Sendable {
    private let secrets: [String: Secret]
    private let origins: [String: String]

    /// Creates a store from secrets and where each came from (a file path or a variable name).
    public init(_ secrets: [Secret] = [], origins: [String: String] = [:]) {
        var byName: [String: Secret] = [:]
        for secret in secrets { byName[secret.name] = secret }
        self.secrets = byName
        self.origins = origins
    }

    /// The names of all secrets that are set (non-empty), sorted.
    public var names: [String] {
        secrets.values.filter { !$0.isEmpty }.map(\.name).sorted()
    }

    /// Where a secret came from (`config/acme-prod-config-secrets.yaml`, `RUNBOOK_SECRET_API_KEY`).
    public func origin(of name: String) -> String? {
        origins[name]
    }

    /// The secret, or nil when it is not set or empty.
    public func optional(_ name: String) -> Secret? {
        guard let secret = secrets[name], !secret.isEmpty else { return nil }
        return secret
    }

    /// The secret; a `HelpfulError` (exit 78) when it is not set or empty.
    public func require(_ name: String) throws(HelpfulError) -> Secret {
        if let secret = optional(name) { return secret }
        let variable = "RUNBOOK_SECRET_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
        let known = names
        let hint = NearestKey.suggestion(for: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
        return try failure(
            HelpfulError(
                code: .secretMissing,
                problem: "Missing secret '\(name)'" + (secrets[name] != nil ? " (it is empty)" : ""),
                solution: "Add '\(name)' to the secrets file config/{org}-{env}-config-secrets.yaml, set \(variable) "
                    + "(or \(variable)_FILE to a file holding it), or put a file named '\(name)' in the secrets folder "
                    + "(--secrets-dir DIR: DIR/{org}-{env}/\(name))." + hint,
                example: "\(name): <value>      # in config/{org}-{env}-config-secrets.yaml",
                location: ErrorLocation(origin: origins[name] ?? "secrets"),
                exitCode: .configuration
            ))
    }

    private func failure(_ error: HelpfulError) throws(HelpfulError) -> Secret {
        throw error
    }
}

extension SecretStore {
    /// Every secret that is set, by name.
    public var byName: [String: Secret] {
        Dictionary(uniqueKeysWithValues: names.compactMap { name in optional(name).map { (name, $0) } })
    }
}
