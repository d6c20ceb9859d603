public import Foundation

/// Finds `config/{org}-{env}-config.{yaml,yml,json}` (exactly one) and the optional
/// `config/{org}-{env}-config-secrets.{yaml,yml,json}` (at most one) under a project root.
public struct ConfigFileDiscovery: Sendable {
    /// The extensions tried, in this order.
    public static let extensions = ["yaml", "yml", "json"]

    /// The project root (the folder holding `config/` and `schemas/`).
    public let projectRoot: URL

    /// Creates a discovery rooted at `projectRoot`.
    public init(projectRoot: URL) {
        self.projectRoot = projectRoot
    }

    /// A found file: its URL and its path relative to the project root.
    public struct Found: Sendable, Equatable {
        /// Absolute location.
        public let url: URL
        /// Path shown to users, e.g. `config/acme-prod-config.yaml`.
        public let displayPath: String
    }

    /// The main configuration file. Throws (exit 78) when there is none or more than one.
    public func configFile(org: String, env: String) throws(HelpfulError) -> Found {
        let base = "\(org)-\(env)-config"
        let found = candidates(base)
        guard found.count <= 1 else { throw ambiguous(found) }
        guard let file = found.first else {
            let existing = allConfigurations()
            let names = existing.map { "\($0.org)-\($0.env)" }
            let nearest = NearestKey.suggestion(for: "\(org)-\(env)", among: names).map { "Did you mean \($0)? " } ?? ""
            let listed = names.isEmpty
                ? "No configurations found in config/. "
                : "Configurations found: \(names.prefix(20).joined(separator: ", "))\(names.count > 20 ? " and \(names.count - 20) more" : ""). "
            throw HelpfulError(
                code: .configFileMissing,
                problem: "No configuration for \(org)/\(env): config/\(base).yaml (or .yml, .json) does not exist",
                solution: nearest + listed + "Create it, for example by copying an existing configuration, then adapt the values",
                example: "cp \(existing.first?.file ?? "config/demo-test-config.yaml") config/\(base).yaml",
                location: .file("config/\(base).yaml"),
                exitCode: .configuration
            )
        }
        return file
    }

    /// The secrets file, if there is one. Throws (exit 78) when there is more than one.
    public func secretsFile(org: String, env: String) throws(HelpfulError) -> Found? {
        let found = candidates("\(org)-\(env)-config-secrets")
        guard found.count <= 1 else { throw ambiguous(found) }
        return found.first
    }

    /// Every `{org}-{env}` pair that has a configuration file in `config/`, sorted. A name is split
    /// at its last `-` (`big-corp-prod-config.yaml` is big-corp/prod); a file `X-config.*` that is
    /// the org layer of other files (`X-*-config.*` exists) is not a pair.
    public func allConfigurations() -> [(org: String, env: String, file: String)] {
        let files = configFileNames()
        let orgLayers = Self.orgLayerStems(files.map(\.stem))
        var pairs: [(org: String, env: String, file: String)] = []
        for (name, stem) in files where !orgLayers.contains(stem) {
            guard let dash = stem.lastIndex(of: "-") else { continue }
            let org = String(stem[..<dash])
            let env = String(stem[stem.index(after: dash)...])
            guard ConfigIdentifier.isValid(org), ConfigIdentifier.isValid(env) else { continue }
            pairs.append((org, env, "config/\(name)"))
        }
        return pairs
    }

    func candidates(_ base: String) -> [Found] {
        Self.extensions.compactMap { ext in
            let display = "config/\(base).\(ext)"
            let url = projectRoot.appendingPathComponent(display)
            return FileManager.default.fileExists(atPath: url.path) ? Found(url: url, displayPath: display) : nil
        }
    }

    func ambiguous(_ found: [Found]) -> HelpfulError {
        let names = found.map(\.displayPath)
        return HelpfulError(
            code: .configFileAmbiguous,
            problem: "More than one file for the same configuration: \(names.joined(separator: " and "))",
            solution: "Keep exactly one of them (YAML or JSON) and delete or rename the other",
            example: "git rm \(names.last ?? "")",
            location: .file(names[0]),
            exitCode: .configuration
        )
    }
}
