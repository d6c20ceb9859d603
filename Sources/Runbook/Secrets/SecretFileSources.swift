public import Foundation

/// Secrets read from files, as Kubernetes and Docker mount them:
///
/// - `RUNBOOK_SECRETS_DIR=DIR` (the CLI's `--secrets-dir DIR`): `DIR/{org}-{env}/<key>`, one file per
///   key, the file's content the value (one trailing newline removed). Names starting with `.` are
///   skipped (Kubernetes' `..data` and `..2026_…` entries of its symlink farm); every other entry must
///   be a file (or a link to one) named like a secret key (`[a-z0-9][a-z0-9_-]*`). A missing `DIR` is
///   an error; a missing `{org}-{env}` folder means no secrets for that target.
/// - `RUNBOOK_SECRET_<KEY>_FILE=PATH`: the file holding the secret `<key>` (`KEY` lower-cased, `_`
///   read as `-`: `RUNBOOK_SECRET_CLIENT_SECRET_FILE` is `client-secret`).
///
/// Relative paths are relative to the project root. A file readable by group or others is read,
/// with a warning. Every failure is a `HelpfulError` with exit code 78; no message shows a value.
public struct SecretFileSources: Sendable {
    /// The variable naming the secrets folder.
    public static let directoryVariable = "RUNBOOK_SECRETS_DIR"
    /// The suffix of a variable naming one secret's file.
    public static let fileVariableSuffix = "_FILE"
    /// The largest secret file accepted (1 MiB, Kubernetes' limit for a whole Secret).
    public static let maximumSize = 1 << 20

    /// The project root (relative paths are resolved against it).
    public let projectRoot: URL
    /// The organisation (names the folder inside the secrets folder).
    public let org: String
    /// The environment.
    public let env: String

    /// Creates the sources of one org/env.
    public init(projectRoot: URL, org: String, env: String) {
        self.projectRoot = projectRoot
        self.org = org
        self.env = env
    }

    /// One secret read from a file.
    struct Entry {
        let name: String
        let value: String
        let origin: String
    }

    /// The secrets of `DIR/{org}-{env}/`, sorted by name, when `RUNBOOK_SECRETS_DIR` is set.
    func directoryEntries(environment: [String: String], warnings: inout [String]) throws(HelpfulError) -> [Entry] {
        guard let path = environment[Self.directoryVariable], !path.isEmpty else { return [] }
        let directory = url(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HelpfulError(
                code: .secretsFolderMissing,
                problem: "The secrets folder \(directory.path) does not exist or is not a folder "
                    + "(\(Self.directoryVariable) or --secrets-dir)",
                solution: "Point --secrets-dir (or \(Self.directoryVariable)) at the folder holding one folder per "
                    + "org/env, each with one file per secret, or unset it",
                example: "runbook run <script> \(org) \(env) --secrets-dir /run/secrets/runbook   # reads /run/secrets/runbook/\(org)-\(env)/client-secret",
                location: .file(directory.path),
                exitCode: .configuration
            )
        }
        let folder = directory.appendingPathComponent("\(org)-\(env)")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw unreadable(folder.path, what: "the secrets folder")
        }
        var entries: [Entry] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let file = folder.appendingPathComponent(name)
            guard ConfigIdentifier.isValid(name) else {
                throw HelpfulError(
                    code: .secretFileName,
                    problem: "\(file.path) is not named like a secret key",
                    solution: "Name each file after its secret key: lower-case letters, digits, '-' and '_' "
                        + "(the key in the Kubernetes Secret, or the file name in the folder)",
                    example: "\(folder.path)/client-secret",
                    location: .file(file.path),
                    exitCode: .configuration
                )
            }
            entries.append(Entry(name: name, value: try read(file, warnings: &warnings), origin: file.path))
        }
        return entries
    }

    /// The secrets named by `RUNBOOK_SECRET_<KEY>_FILE` variables, sorted by name.
    func variableEntries(environment: [String: String], warnings: inout [String]) throws(HelpfulError) -> [Entry] {
        var entries: [Entry] = []
        for variable in environment.keys.sorted() {
            guard let name = Self.secretName(fileVariable: variable), let path = environment[variable] else { continue }
            guard !path.isEmpty else {
                throw HelpfulError(
                    code: .secretFileVariableEmpty,
                    problem: "\(variable) is empty: it must name the file holding the secret '\(name)'",
                    solution: "Set it to the file's path, or unset it",
                    example: "\(variable)=/run/secrets/\(name)",
                    location: ErrorLocation(origin: "environment variable \(variable)"),
                    exitCode: .configuration
                )
            }
            let file = url(path)
            entries.append(Entry(name: name, value: try read(file, warnings: &warnings), origin: "\(variable) (\(file.path))"))
        }
        return entries
    }

    /// The secret key a `RUNBOOK_SECRET_<KEY>_FILE` variable names, or nil for any other variable.
    static func secretName(fileVariable variable: String) -> String? {
        guard variable.hasPrefix(SecretsLoader.variablePrefix), variable.hasSuffix(fileVariableSuffix) else { return nil }
        let key = variable.dropFirst(SecretsLoader.variablePrefix.count).dropLast(fileVariableSuffix.count)
        guard !key.isEmpty else { return nil }
        return SecretsLoader.secretName(variableKey: String(key))
    }

    private func url(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectRoot.appendingPathComponent(path)).standardizedFileURL
    }
}
