import Foundation
import JSONSchema
@testable import Runbook
import Testing

/// Secrets from files, as Kubernetes and Docker mount them: `RUNBOOK_SECRETS_DIR/{org}-{env}/<key>`
/// and `RUNBOOK_SECRET_<KEY>_FILE`, on real files, links and permissions.
@Suite struct SecretFileSourcesTests {
    /// A project with a valid acme/prod configuration and a `secrets/` folder beside `config/`.
    struct Project {
        let root: URL

        init(files: [String: String] = [:]) throws {
            root = try ConfigLoaderTests().project(
                ["config/acme-prod-config.yaml": "global: {}\nscript-behavior: {}\n"].merging(files) { $1 })
        }

        /// Writes `text` at `path` (relative to the root) with `mode`.
        @discardableResult
        func write(_ path: String, _ text: String, mode: Int = 0o600) throws -> URL {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
            return url
        }

        func link(_ path: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent(path).path, withDestinationPath: destination)
        }

        func load(_ environment: [String: String], registry: SecretRegistry = SecretRegistry()) throws -> LoadedConfiguration {
            try ConfigLoader(projectRoot: root, environment: environment).load(org: "acme", env: "prod", registry: registry)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func theSecretsFolderHoldsOneFilePerKey() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("secrets/acme-prod/client-secret", "dir-client-secret\n")
        try project.write("secrets/acme-prod/api-key", "two-newlines\n\n")
        try project.write("secrets/acme-prod/.hidden", "ignored-value")
        try project.write("secrets/other-prod/password", "other-target")
        let registry = SecretRegistry()
        let loaded = try project.load(["RUNBOOK_SECRETS_DIR": "secrets"], registry: registry)
        #expect(loaded.secrets.names == ["api-key", "client-secret"])
        #expect(loaded.secrets.optional("client-secret")?.reveal() == "dir-client-secret", "one trailing newline removed")
        #expect(loaded.secrets.optional("api-key")?.reveal() == "two-newlines\n", "only one")
        #expect(loaded.secrets.origin(of: "client-secret") == project.root.appendingPathComponent("secrets/acme-prod/client-secret").standardizedFileURL.path)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(Set(registry.entries.compactMap(\.name)) == ["api-key", "client-secret"])
        let redacted = Redactor(secrets: registry).redactSecrets("sent dir-client-secret to the API")
        #expect(!redacted.contains("dir-client-secret"), "\(redacted)")
    }

    @Test func aKubernetesSymlinkFarmIsRead() throws {
        let project = try Project()
        defer { project.remove() }
        // What the kubelet makes of a Secret volume: the keys link into ..data, which links to a timestamped folder.
        try project.write("mounted/acme-prod/..2026_12_02_10_00_00.123456789/client-secret", "k8s-client-secret", mode: 0o400)
        try project.write("mounted/acme-prod/..2026_12_02_10_00_00.123456789/api-key", "k8s-api-key", mode: 0o400)
        try project.link("mounted/acme-prod/..data", to: "..2026_12_02_10_00_00.123456789")
        try project.link("mounted/acme-prod/client-secret", to: "..data/client-secret")
        try project.link("mounted/acme-prod/api-key", to: "..data/api-key")
        let directory = project.root.appendingPathComponent("mounted").path
        let loaded = try project.load(["RUNBOOK_SECRETS_DIR": directory])
        #expect(loaded.secrets.names == ["api-key", "client-secret"])
        #expect(loaded.secrets.optional("client-secret")?.reveal() == "k8s-client-secret")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test func aFileVariableNamesOneSecretsFile() throws {
        let project = try Project()
        defer { project.remove() }
        let file = try project.write("run/secrets/erp_client_secret", "docker-secret-value\n")
        let loaded = try project.load(["RUNBOOK_SECRET_CLIENT_SECRET_FILE": file.path])
        #expect(loaded.secrets.names == ["client-secret"], "CLIENT_SECRET is client-secret; _FILE is not part of the name")
        #expect(loaded.secrets.optional("client-secret")?.reveal() == "docker-secret-value")
        #expect(loaded.secrets.origin(of: "client-secret") == "RUNBOOK_SECRET_CLIENT_SECRET_FILE (\(file.path))")
    }

    /// Lowest first: the secrets file, the secrets folder, `RUNBOOK_SECRET_<KEY>_FILE`, `RUNBOOK_SECRET_<KEY>`.
    @Test(arguments: 0...3) func precedence(removedFromTheTop: Int) throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("config/acme-prod-config-secrets.yaml", "client-secret: from-secrets-file\n")
        var environment: [String: String] = [:]
        if removedFromTheTop < 3 {
            try project.write("secrets/acme-prod/client-secret", "from-secrets-dir")
            environment["RUNBOOK_SECRETS_DIR"] = "secrets"
        }
        if removedFromTheTop < 2 {
            environment["RUNBOOK_SECRET_CLIENT_SECRET_FILE"] = try project.write("one-file", "from-file-variable").path
        }
        if removedFromTheTop < 1 { environment["RUNBOOK_SECRET_CLIENT_SECRET"] = "from-variable" }
        let registry = SecretRegistry()
        let loaded = try project.load(environment, registry: registry)
        let expected = ["from-variable", "from-file-variable", "from-secrets-dir", "from-secrets-file"][removedFromTheTop]
        #expect(loaded.secrets.optional("client-secret")?.reveal() == expected)
        #expect(registry.values.count == 4 - removedFromTheTop, "every value read is redacted, the replaced ones too")
    }

    @Test func filesReadableByGroupOrOthersAreWarnedAboutOncePerFile() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("config/acme-prod-config-secrets.yaml", "api-key: file-value-1234\n", mode: 0o644)
        try project.write("secrets/acme-prod/client-secret", "group-readable", mode: 0o640)
        try project.write("secrets/acme-prod/password", "private-pass", mode: 0o600)
        let loaded = try project.load(["RUNBOOK_SECRETS_DIR": "secrets"])
        let secretFile = project.root.appendingPathComponent("secrets/acme-prod/client-secret").standardizedFileURL.path
        #expect(loaded.warnings == [
            "config/acme-prod-config-secrets.yaml holds secrets but can be read by group or others (mode 0644): "
                + "restrict it with `chmod 600 config/acme-prod-config-secrets.yaml` (in Kubernetes, defaultMode: 0440 with the pod's fsGroup)",
            "\(secretFile) holds secrets but can be read by group or others (mode 0640): "
                + "restrict it with `chmod 600 \(secretFile)` (in Kubernetes, defaultMode: 0440 with the pod's fsGroup)",
        ])
        #expect(loaded.secrets.optional("client-secret")?.reveal() == "group-readable", "a warning, not an error")
    }

    /// A Kubernetes Secret volume for a non-root pod: files of another owner, mode 0440, group the
    /// pod's fsGroup (one of the process's groups). Read through that group: no warning; a file that
    /// others may read is still warned about.
    @Test(.enabled(if: geteuid() == 0, "chown to another owner needs root"))
    func aFileReadThroughOneOfTheProcesssGroupsIsNotWarnedAbout() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("secrets/acme-prod/client-secret", "through-fs-group", mode: 0o440)
        try project.write("secrets/acme-prod/password", "world-readable", mode: 0o444)
        for key in ["client-secret", "password"] {
            let path = project.root.appendingPathComponent("secrets/acme-prod/\(key)").path
            #expect(chown(path, 12_345, getegid()) == 0)
        }
        let loaded = try project.load(["RUNBOOK_SECRETS_DIR": "secrets"])
        #expect(loaded.warnings.count == 1, "\(loaded.warnings)")
        #expect(loaded.warnings.first?.contains("password holds secrets but can be read by group or others (mode 0444)") == true)
        #expect(loaded.secrets.optional("client-secret")?.reveal() == "through-fs-group")
    }

    @Test func aMissingSecretsFolderIsAConfigurationError() throws {
        let project = try Project()
        defer { project.remove() }
        let missing = project.root.appendingPathComponent("no-such-folder").path
        let error = #expect(throws: HelpfulError.self) { try project.load(["RUNBOOK_SECRETS_DIR": missing]) }
        #expect(error?.exitCode == .configuration)
        #expect(error?.problem == "The secrets folder \(missing) does not exist or is not a folder (RUNBOOK_SECRETS_DIR or --secrets-dir)")
        #expect(error?.location?.file == missing)
        try project.write("secrets/readme.txt", "x")
        let noTargetFolder = try project.load(["RUNBOOK_SECRETS_DIR": "secrets"])
        #expect(noTargetFolder.secrets.names.isEmpty, "a folder without {org}-{env}/ holds no secrets for this target")
    }

    @Test func badEntriesAreConfigurationErrorsThatShowNoValue() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("secrets/acme-prod/Client.Secret", "bad-name-value")
        let badName = #expect(throws: HelpfulError.self) { try project.load(["RUNBOOK_SECRETS_DIR": "secrets"]) }
        #expect(badName?.problem.hasSuffix("secrets/acme-prod/Client.Secret is not named like a secret key") == true)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("secrets/acme-prod/Client.Secret"))
        try project.link("secrets/acme-prod/api-key", to: "nowhere")
        let dangling = #expect(throws: HelpfulError.self) { try project.load(["RUNBOOK_SECRETS_DIR": "secrets"]) }
        #expect(dangling?.problem.hasSuffix("secrets/acme-prod/api-key does not exist") == true, "\(String(describing: dangling?.problem))")
        let folder = #expect(throws: HelpfulError.self) {
            try project.load(["RUNBOOK_SECRET_API_KEY_FILE": project.root.appendingPathComponent("secrets").path])
        }
        #expect(folder?.problem.hasSuffix("is a folder, not a secret file") == true)
        let binary = try project.write("binary", "")
        try Data([0xFF, 0xFE, 0x00, 0x80]).write(to: binary)
        let notText = #expect(throws: HelpfulError.self) { try project.load(["RUNBOOK_SECRET_API_KEY_FILE": binary.path]) }
        #expect(notText?.problem == "The secret file \(binary.path) is not UTF-8 text (its content is not shown)")
        for error in [badName, dangling, folder, notText] { #expect(error?.exitCode == .configuration) }
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file"))
    func anUnreadableSecretFileIsAConfigurationError() throws {
        let project = try Project()
        defer { project.remove() }
        let file = try project.write("locked", "locked-value", mode: 0o000)
        let error = #expect(throws: HelpfulError.self) { try project.load(["RUNBOOK_SECRET_API_KEY_FILE": file.path]) }
        #expect(error?.problem == "Cannot read the secret file \(file.path)")
        #expect(error?.exitCode == .configuration)
    }
}
