import Foundation
import RunbookTesting

extension TestWorkspace {
    /// A copy of the repository's project folders (config/, schemas/, data/), to run the commands
    /// the docs show against the demo configuration without touching the repository.
    static func docs() throws -> TestWorkspace {
        try TestWorkspace(copying: ["config", "schemas", "data"], from: DocsFiles.root)
    }

    /// Writes every YAML block of `file` whose first line is `# config/<name>` to that path: the files
    /// a guide shows before the output of a command that reads them.
    func writeShownFiles(of file: String) throws {
        for block in try DocsFiles.codeBlocks() where block.file == file && block.language == "yaml" {
            guard let first = block.lines.first, first.hasPrefix("# config/") else { continue }
            try write(String(first.dropFirst(2)), block.lines.joined(separator: "\n") + "\n")
        }
    }
}
