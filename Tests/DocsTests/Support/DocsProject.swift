import Foundation
import Runbook
import RunbookCLI
import Synchronization

/// A copy of the repository's project folders (config/, schemas/, data/) in a temporary folder, to
/// run the commands the docs show against the demo configuration without touching the repository.
struct DocsProject {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["config", "schemas", "data"] {
            try FileManager.default.copyItem(
                at: DocsFiles.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    /// Replaces `old` by `new` in a file of the copy (the edit a guide asks the reader to make).
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw RegionError("\(path) does not contain '\(old)' any more: update the docs test") }
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// Writes a file of the copy (a file a guide shows in full).
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes every YAML block of `file` whose first line is `# config/<name>` to that path: the files
    /// a guide shows before the output of a command that reads them.
    func writeShownFiles(of file: String) throws {
        for block in try DocsFiles.codeBlocks() where block.file == file && block.language == "yaml" {
            guard let first = block.lines.first, first.hasPrefix("# config/") else { continue }
            try write(String(first.dropFirst(2)), block.lines.joined(separator: "\n") + "\n")
        }
    }

    /// Runs `runbook <arguments>` in-process; standard output and error in the order written.
    func run(_ arguments: [String], scripts: [any Script.Type]) async -> (exitCode: Int32, output: String) {
        let output = Mutex("")
        let environment = CLIEnvironment(
            catalog: ScriptCatalog(scripts), variables: ["NO_COLOR": "1"], currentDirectory: root,
            writeOut: { text in output.withLock { $0 += text } },
            writeError: { text in output.withLock { $0 += text } })
        let code = await RunbookMain.execute(arguments, environment: environment)
        return (code, output.withLock { $0 })
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
