/// One org/env a fleet runs, with its script arguments.
///
/// Made by ``FleetTargetsFile`` (a targets file) or ``FleetTargetList`` (`--orgs`/`--envs`, `--all`).
///
/// ```swift
/// let targets = try FleetTargetsFile.load(file, projectRoot: root, script: CustomerSync.self)
/// for target in targets { print(target.index, target.org, target.env, target.arguments) }
/// ```
public struct FleetTarget: Sendable, Hashable, Codable {
    /// The organisation.
    public var org: String
    /// The environment.
    public var env: String
    /// Script arguments for this target, already expanded from `options` (e.g. `["--limit", "10"]`).
    public var arguments: [String]
    /// Position in the targets file (0-based): the Kubernetes completion index.
    public var index: Int

    /// Creates a target.
    public init(org: String, env: String, arguments: [String] = [], index: Int) {
        self.org = org
        self.env = env
        self.arguments = arguments
        self.index = index
    }

    /// `acme/prod`: how the console names the target.
    public var name: String { "\(org)/\(env)" }

    /// `acme-prod`: the target's folder under `output/` (see ``outputFolder``).
    public var folderName: String { "\(org)-\(env)" }

    /// `output/acme-prod`: where a target run by a fleet (or in a Kubernetes pod) writes its
    /// outputs and its run record, relative to the project root.
    public var outputFolder: String { "output/\(folderName)" }
}
