public import Foundation
import Runbook

/// A temporary project folder for one test: `config/`, the project's schema (and whatever else
/// you ask to copy from the project), the files the test writes, and whatever the code under test
/// writes there (`output/`, `logs/`, …). ``remove()`` deletes it; ``with(copying:from:_:)`` does so
/// for you.
///
/// ```swift
/// @Test func validatesTheDemoConfig() async throws {
///     let workspace = try TestWorkspace()
///     defer { workspace.remove() }
///     try workspace.writeConfig("script-behavior: {}\n", layer: .defaults)
///     try workspace.writeConfig("global:\n  api-base-url: http://api.test/\n", layer: .orgEnv, org: "demo", env: "test")
///     let result = await CLITester(scripts: [HelloWorld.self]).run(["validate", "demo", "test"], in: workspace)
///     #expect(result.exitCode == 0)
///     #expect(workspace.files(in: "config") == ["defaults.yaml", "demo-test-config.yaml"])
/// }
/// ```
///
/// The folder is a value's, not the process's: two tests never share one, so they may run in parallel.
public struct TestWorkspace: Sendable {
    /// The temporary folder (the project root of a run in it).
    public let root: URL
    /// The project the workspace copied from (the folder holding `schemas/org-env-config.schema.json`).
    public let projectRoot: URL

    /// What a workspace copies from the project unless told otherwise: the configuration schema and,
    /// when the project has one, `config/log-redaction-patterns.yaml`.
    public static let standardContents = [ConfigSchemaSet.mainSchemaPath, RedactionPatterns.projectFile]

    /// Creates an empty temporary project with a `config/` folder and copies of `paths` (files or
    /// folders, relative to the project; one the project does not have is skipped).
    /// - Parameters:
    ///   - paths: what to copy from the project, e.g. `["schemas", "data"]`; none for a bare folder.
    ///   - projectRoot: the project to copy from; nil looks from the current directory upwards for
    ///     the folder holding the configuration schema (`swift test` runs in the package).
    /// - Throws: a `HelpfulError` (RB-TST-001) when no project is found, or the file system's error.
    public init(copying paths: [String] = TestWorkspace.standardContents, from projectRoot: URL? = nil) throws {
        try self.init(copying: paths, from: projectRoot, lookingFor: "TestWorkspace", setting: "projectRoot")
    }

    /// ``init(copying:from:)`` naming `user` and its `setting` in the error when no project is found.
    init(copying paths: [String], from projectRoot: URL?, lookingFor user: String, setting: String) throws {
        let source = try projectRoot ?? Self.findProjectRoot(for: user, setting: setting)
        self.projectRoot = source
        root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-workspace-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        for path in paths {
            let from = source.appendingPathComponent(path)
            guard manager.fileExists(atPath: from.path) else { continue }
            let to = root.appendingPathComponent(path)
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
            try manager.copyItem(at: from, to: to)
        }
    }

    /// Runs `body` with a new workspace and removes the workspace afterwards, whatever `body` does.
    ///
    /// ```swift
    /// let listed = try await TestWorkspace.with { workspace in
    ///     await CLITester(scripts: [HelloWorld.self]).run(["list"], in: workspace).stdout
    /// }
    /// ```
    public static func with<Value>(
        copying paths: [String] = TestWorkspace.standardContents, from projectRoot: URL? = nil,
        _ body: (TestWorkspace) async throws -> Value
    ) async throws -> Value {
        let workspace = try TestWorkspace(copying: paths, from: projectRoot)
        defer { workspace.remove() }
        return try await body(workspace)
    }

    /// Deletes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The nearest folder, from the current directory upwards, holding the configuration schema.
    static func findProjectRoot(for user: String, setting: String) throws -> URL {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(ConfigSchemaSet.mainSchemaPath).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else {
                throw HelpfulError(
                    code: .harnessWithoutProject,
                    problem: "\(user) cannot find \(ConfigSchemaSet.mainSchemaPath) above \(FileManager.default.currentDirectoryPath)",
                    solution: "Run the tests from the project (swift test does), or set \(setting)",
                    example: "\(setting) = URL(fileURLWithPath: \"/path/to/project\")")
            }
            folder = parent
        }
    }
}
