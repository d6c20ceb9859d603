public import Foundation

extension RedactionPatterns {
    /// The project's pattern file, relative to the root.
    public static let projectFile = "config/log-redaction-patterns.yaml"

    /// The patterns of `config/log-redaction-patterns.yaml` when the project has one (validated: a bad
    /// pattern is a `HelpfulError`, exit 78), else the built-in set.
    public static func forProject(at root: URL) throws(HelpfulError) -> RedactionPatterns {
        let url = root.appendingPathComponent(projectFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return .builtIn }
        let node = try ConfigDocumentReader().read(url, displayPath: projectFile, source: 0)
        do {
            return try load(from: node, file: projectFile)
        } catch {
            throw HelpfulError.wrapping(error)
        }
    }
}
