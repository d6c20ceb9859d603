import Foundation
import HelloWorld
import Runbook
import RunbookCLI
import Synchronization

/// A throw-away project folder (config/, schemas/, data/) for running the CLI in-process.
struct TestProject {
    let root: URL

    /// The repository root (for the real schema and demo files).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(copySchema: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        if copySchema {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("schemas"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.repositoryRoot.appendingPathComponent("schemas/org-env-config.schema.json"),
                to: root.appendingPathComponent("schemas/org-env-config.schema.json"))
        }
        let data = Self.repositoryRoot.appendingPathComponent("data")
        if FileManager.default.fileExists(atPath: data.path) {
            try FileManager.default.copyItem(at: data, to: root.appendingPathComponent("data"))
        }
    }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    func write(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Files under `folder` (recursive), relative paths.
    func files(in folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `runbook <arguments>` in-process against this project.
    func run(_ arguments: [String], variables: [String: String] = [:]) async -> CLIResult {
        let out = Mutex("")
        let err = Mutex("")
        let environment = CLIEnvironment(
            catalog: ScriptCatalog([HelloWorld.self]),
            variables: variables.merging(["NO_COLOR": "1"]) { first, _ in first },
            currentDirectory: root,
            writeOut: { text in out.withLock { $0 += text } },
            writeError: { text in err.withLock { $0 += text } })
        let code = await RunbookMain.execute(arguments, environment: environment)
        return CLIResult(exitCode: code, stdout: out.withLock { $0 }, stderr: err.withLock { $0 })
    }
}

/// What an in-process CLI run printed and returned.
struct CLIResult {
    let exitCode: Int32
    let stdout: String
    let stderr: String
}
