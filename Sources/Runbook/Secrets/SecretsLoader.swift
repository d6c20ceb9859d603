import Foundation
public import JSONSchema

/// Loads the run's secrets: the optional secrets file (a flat mapping of names to scalar values)
/// and `RUNBOOK_SECRET_<KEY>` variables, registering every value with the `SecretRegistry` so it
/// is redacted everywhere from then on.
public struct SecretsLoader: Sendable {
    /// The prefix of secret variables.
    public static let variablePrefix = "RUNBOOK_SECRET_"

    /// Creates a loader.
    public init() {}

    /// Builds the store from a parsed secrets file (or nil) and the environment.
    public func load(
        file: JSONNode?, displayPath: String?, environment: [String: String], registry: SecretRegistry
    ) throws(HelpfulError) -> SecretStore {
        var secrets: [Secret] = []
        var origins: [String: String] = [:]
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
                let value = try scalarText(member, displayPath: displayPath)
                registry.register(value, name: member.key)  // redacted even when a variable overrides it
                secrets.append(Secret(name: member.key, value: value))
                origins[member.key] = displayPath
            }
        }
        for (variable, value) in environment where variable.hasPrefix(Self.variablePrefix) {
            let name = String(variable.dropFirst(Self.variablePrefix.count)).lowercased()
                .replacingOccurrences(of: "_", with: "-")
            guard !name.isEmpty else { continue }
            secrets.removeAll { $0.name == name }
            secrets.append(Secret(name: name, value: value))
            origins[name] = variable
        }
        for secret in secrets { registry.register(secret) }
        return SecretStore(secrets, origins: origins)
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
