import Foundation
import JSONSchema
import ArgumentParser
import Runbook

/// `runbook list`: the scripts this executable knows.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scripts this runbook knows."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let scripts = environment.catalog.scripts
        if global.json {
            let entries = scripts.map { "{\"name\":\(jsonString($0.name)),\"summary\":\(jsonString($0.summary))}" }
            environment.writeOut("[" + entries.joined(separator: ",") + "]\n")
            return
        }
        guard !scripts.isEmpty else {
            environment.writeOut("No scripts. Create one with: runbook new <script-name>\n")
            return
        }
        let width = scripts.map { $0.name.count }.max() ?? 0
        for script in scripts {
            environment.writeOut(script.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + script.summary + "\n")
        }
    }
}

/// A JSON string literal for `text`.
func jsonString(_ text: String) -> String {
    JSONStringLiteral.quoted(text)
}
