// The tool of the RunbookScriptList build tool plugin: `runbook-script-list <output file> <script target>...`
// writes the `runbook` executable's script list (ScriptListSource) to the output file.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: runbook-script-list <output file> <script target>...\n".utf8))
    exit(64)
}
let text = ScriptListSource.text(scripts: Array(arguments.dropFirst()))
// Unchanged text is left alone, so the runbook target is not recompiled for nothing.
if FileManager.default.contents(atPath: output) != Data(text.utf8) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("runbook-script-list: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
