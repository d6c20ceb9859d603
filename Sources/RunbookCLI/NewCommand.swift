import ArgumentParser
import Foundation
import Runbook

/// `runbook new <script-name>`: scaffolds a script target with a commented skeleton and a passing test.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new script target and its test.",
        discussion: """
            Creates scripts/<Name>/Sources/<Name>.swift and scripts/<Name>/Tests/<Name>Tests.swift and inserts \
            the folder's line into Package.swift's `// runbook-script-folder:` lines (SwiftPM looks for folders \
            again only when the manifest's text changes); no other file changes. The runbook executable's script \
            list is generated at build time: after `swift build`, `runbook list` shows the script and `swift test` \
            runs its test.
            """
    )

    @Argument(help: "The script's name: lower-case words joined by '-', e.g. invoice-reminder.")
    var scriptName: String?

    @Flag(name: .long, help: "Only bring Package.swift's script-folder lines up to date with the script folders.")
    var refresh = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        let scaffold = ScriptScaffold(root: root)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) else {
            throw HelpfulError(
                code: .usageNotAPackage,
                problem: "\(root.path) is not a Runbook package (no Package.swift)",
                solution: "Run `runbook new` from the project root, or pass --project-root",
                example: "cd my-runbook && swift run runbook new invoice-reminder",
                exitCode: .usage)
        }
        if refresh {
            let changed = try scaffold.writeManifestLines()
            environment.writeOut(changed.isEmpty ? "Package.swift's script-folder lines are up to date\n"
                : "Updated the script-folder lines of Package.swift\n")
            return
        }
        guard let scriptName, ScriptScaffold.isValidName(scriptName) else {
            throw HelpfulError(
                code: .usageInvalidScriptName,
                problem: "Invalid script name '\(scriptName ?? "")'",
                solution: "Use lower-case words joined by '-', starting with a letter (it becomes the command name)",
                example: "runbook new invoice-reminder",
                exitCode: .usage)
        }
        let files = try scaffold.create(scriptName: scriptName)
        environment.writeOut(files.map { "\($0.change.rawValue) \($0.path)\n" }.joined())
        environment.writeOut("""
            Next:
              swift build && swift run runbook list
              swift test --filter \(ScriptScaffold.typeName(for: scriptName))Tests
              swift run runbook run \(scriptName) demo test

            """)
    }
}
