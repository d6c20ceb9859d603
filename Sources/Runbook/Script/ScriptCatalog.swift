/// The scripts a `runbook` executable knows, by name.
///
/// ```swift
/// let catalog = ScriptCatalog([HelloWorld.self, CustomerSync.self])
/// ```
public struct ScriptCatalog: Sendable {
    /// The scripts, sorted by name.
    public let scripts: [any Script.Type]

    /// Creates a catalog. Names should be unique; when two scripts share one, the first in name order wins.
    public init(_ scripts: [any Script.Type]) {
        self.scripts = scripts.sorted { $0.name < $1.name }
    }

    /// The script with this name.
    public func script(named name: String) -> (any Script.Type)? {
        scripts.first { $0.name == name }
    }

    /// The names of all scripts.
    public var names: [String] { scripts.map { $0.name } }

    /// A `HelpfulError` (exit 64) for an unknown script name, with the nearest known name.
    public func unknownScript(_ name: String) -> HelpfulError {
        let suggestion = NearestKey.suggestion(for: name, among: names).map { "Did you mean '\($0)'? " } ?? ""
        return HelpfulError(
            code: .usageUnknownScript,
            problem: "Unknown script '\(name)'",
            solution: suggestion + "Known scripts: " + (names.isEmpty ? "none" : names.joined(separator: ", "))
                + ". `runbook list` shows them with a summary",
            example: "runbook run \(names.first ?? "hello-world") demo test",
            exitCode: .usage
        )
    }
}
