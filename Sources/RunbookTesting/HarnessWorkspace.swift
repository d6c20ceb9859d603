import Foundation
import Runbook

/// A temporary project folder for one harness run: the real schema (and redaction patterns), the
/// test's input files, and whatever the script writes.
struct HarnessWorkspace: Sendable {
    let root: URL
    let inputs: Set<String>

    init(projectRoot: URL?, files: [String: Data]) throws {
        let source = try projectRoot ?? Self.findProjectRoot()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-harness-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try manager.copyItem(
            at: source.appendingPathComponent(ConfigSchemaSet.mainSchemaPath),
            to: root.appendingPathComponent(ConfigSchemaSet.mainSchemaPath))
        let patterns = source.appendingPathComponent(RedactionPatterns.projectFile)
        if manager.fileExists(atPath: patterns.path) {
            try manager.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
            try manager.copyItem(at: patterns, to: root.appendingPathComponent(RedactionPatterns.projectFile))
        }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        inputs = Set(files.keys)
    }

    /// The nearest folder, from the current directory upwards, holding the configuration schema.
    static func findProjectRoot() throws -> URL {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(ConfigSchemaSet.mainSchemaPath).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else {
                throw HelpfulError(
                    code: .harnessWithoutProject,
                    problem: "ScriptHarness cannot find \(ConfigSchemaSet.mainSchemaPath) above \(FileManager.default.currentDirectoryPath)",
                    solution: "Run the tests from the project (swift test does), or set harness.projectRoot",
                    example: "harness.projectRoot = URL(fileURLWithPath: \"/path/to/project\")")
            }
            folder = parent
        }
    }

    func writtenFiles() -> [String: Data] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [:] }
        var result: [String: Data] = [:]
        for case let path as String in enumerator {
            let top = path.split(separator: "/").first.map(String.init) ?? path
            guard !["config", "schemas", "logs"].contains(top), !inputs.contains(path) else { continue }
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            result[path] = data
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
