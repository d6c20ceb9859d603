import Foundation
import PackagePlugin

/// Generates the `runbook` executable's list of scripts (`ScriptList.swift`: one `import` and one
/// `knownScripts` entry per script target) from the target's own dependencies: every dependency
/// whose sources are `examples/<Name>/Sources` or `scripts/<Name>/Sources` (the folders Package.swift
/// discovers). The list is a build product, never a tracked file, so two people adding scripts do
/// not both edit it.
@main
struct RunbookScriptList: BuildToolPlugin {
    /// The folders under the package root whose sub-folders are script targets.
    static let scriptParents: Set<String> = ["examples", "scripts"]

    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let root = context.package.directoryURL.standardizedFileURL.pathComponents
        let scripts = target.dependencies.compactMap { dependency -> String? in
            guard case .target(let script) = dependency else { return nil }
            let path = script.directoryURL.standardizedFileURL.pathComponents
            guard path.count == root.count + 3, Array(path.prefix(root.count)) == root,
                  Self.scriptParents.contains(path[root.count]), path[root.count + 2] == "Sources" else { return nil }
            return script.name
        }.sorted()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("ScriptList.swift")
        return [
            .buildCommand(
                displayName: "Generating the script list of \(target.name) (\(scripts.count) scripts)",
                executable: try context.tool(named: "runbook-script-list").url,
                arguments: [output.path] + scripts,
                inputFiles: [],
                outputFiles: [output])
        ]
    }
}
