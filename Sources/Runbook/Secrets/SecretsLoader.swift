import Foundation
public import JSONSchema

/// Loads the run's secrets, registering every value with the `SecretRegistry` so it is redacted
/// everywhere from then on. Sources, lowest precedence first (a later one replaces a key):
///
/// 1. the optional secrets file `config/{org}-{env}-config-secrets.*` (a flat mapping of names to scalars);
/// 2. the secrets folder `RUNBOOK_SECRETS_DIR/{org}-{env}/<key>` (`--secrets-dir`);
/// 3. `RUNBOOK_SECRET_<KEY>_FILE` variables (the path of a file holding the value);
/// 4. `RUNBOOK_SECRET_<KEY>` variables (the value itself).
///
/// `KEY` is the secret's name upper-cased with `_` for `-`: `client-secret` is `CLIENT_SECRET`. A
/// variable ending in `_FILE` always names a file (see `SecretFileSources`).
public struct SecretsLoader: Sendable {
    /// The prefix of secret variables.
    public static let variablePrefix = "RUNBOOK_SECRET_"

    /// Creates a loader.
    public init() {}

    /// Builds the store from a parsed secrets file (or nil) and the `RUNBOOK_SECRET_<KEY>` variables.
    public func load(
        file: JSONNode?, displayPath: String?, environment: [String: String], registry: SecretRegistry
    ) throws(HelpfulError) -> SecretStore {
        var warnings: [String] = []
        return try load(
            file: file, displayPath: displayPath, environment: environment, registry: registry,
            fileSources: nil, warnings: &warnings)
    }

    /// Builds the store from every source, the secret files of `fileSources` included; warnings
    /// (files readable by group or others) are appended to `warnings`, one per file.
    public func load(
        file: JSONNode?, displayPath: String?, environment: [String: String], registry: SecretRegistry,
        fileSources: SecretFileSources?, warnings: inout [String]
    ) throws(HelpfulError) -> SecretStore {
        var secrets: [String: Secret] = [:]
        var origins: [String: String] = [:]
        func set(_ name: String, _ value: String, origin: String) {
            registry.register(value, name: name)  // redacted even when a later source replaces it
            secrets[name] = Secret(name: name, value: value)
            origins[name] = origin
        }
        if let file, let displayPath {
            guard case .object(let object) = file.value else {
                throw HelpfulError(
                    code: .secretsFileNotMapping,
                    problem: "\(displayPath) must be a flat mapping of secret names to values, found \(file.value.typeName)",
                    solution: "Write one 'name: value' pair per line",
                    example: "client-secret: <value>",
                    location: .file(displayPath, line: Int(file.location.line), column: Int(file.location.column)),
                    exitCode: .configuration
                )
            }
            for member in object.members {
                set(member.key, try scalarText(member, displayPath: displayPath), origin: displayPath)
            }
        }
        if let fileSources {
            for entry in try fileSources.directoryEntries(environment: environment, warnings: &warnings) {
                set(entry.name, entry.value, origin: entry.origin)
            }
            for entry in try fileSources.variableEntries(environment: environment, warnings: &warnings) {
                set(entry.name, entry.value, origin: entry.origin)
            }
        }
        for variable in environment.keys.sorted() where variable.hasPrefix(Self.variablePrefix)
            && !variable.hasSuffix(SecretFileSources.fileVariableSuffix) {
            let name = Self.secretName(variableKey: String(variable.dropFirst(Self.variablePrefix.count)))
            guard !name.isEmpty, let value = environment[variable] else { continue }
            set(name, value, origin: variable)
        }
        return SecretStore(secrets.keys.sorted().compactMap { secrets[$0] }, origins: origins)
    }

    /// The secret a variable's `<KEY>` part names: lower-cased, `_` read as `-` (`CLIENT_SECRET` → `client-secret`).
    static func secretName(variableKey key: String) -> String {
        key.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    private func scalarText(_ member: JSONObject.Member, displayPath: String) throws(HelpfulError) -> String {
        switch member.value.value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return number.literal
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .array, .object:
            throw HelpfulError(
                code: .secretNested,
                problem: "Secret '\(member.key)' in \(displayPath) is a \(member.value.value.typeName); secrets must be flat",
                solution: "Give each secret its own top-level key with a single value (nested sections are not allowed)",
                example: "client-secret: <value>\napi-key: <value>",
                location: .file(displayPath, line: Int(member.keyLocation.line), column: Int(member.keyLocation.column)),
                exitCode: .configuration
            )
        }
    }
}
