import BulkUpdate
import CustomerSync
import Foundation
import HelloWorld
import InvoiceExport
@testable import RunbookCLI
import Runbook
import Testing

/// The docs cannot drift from the code: every ```swift block of README.md and docs/*.md is a region
/// of a compiled, run file in Tests/DocsTests/Snippets; every `runbook` command in a shell block parses
/// (and names a real script and options); every block that shows a command's output is checked by
/// `DocsOutputTests`.
@Suite struct DocsDriftTests {
    @Test func everySwiftBlockIsACompiledSnippet() throws {
        let blocks = try DocsFiles.codeBlocks().filter { $0.swiftIndex != nil }
        let regions = try DocsFiles.regions()
        #expect(!blocks.isEmpty)
        for block in blocks {
            let key = try #require(block.key)
            let matching = regions.filter { $0.key == key }
            let sameText = regions.filter { $0.lines == block.lines && $0.key != key }.map { "`// docs: \($0.key)` (\($0.file):\($0.line))" }
            let renumber = sameText.isEmpty ? "" : " Its text is that of \(sameText.joined(separator: ", ")): a swift block was added or removed before it, so renumber the regions."
            guard let region = matching.first else {
                Issue.record("\(block) is compiled nowhere: put it in a file of Tests/DocsTests/Snippets between `// docs: \(key)` and `// docs: end`, in code that runs.\(renumber)")
                continue
            }
            if matching.count > 1 {
                Issue.record("\(key) has \(matching.count) regions: \(matching.map { "\($0.file):\($0.line)" }.joined(separator: ", "))")
            }
            if let difference = Self.firstDifference(block.lines, region.lines) {
                Issue.record("""
                    \(block) drifted from its compiled region \(region.file):\(region.line) (`// docs: \(key)`), \
                    at line \(difference.line) of the block:
                      docs:     \(difference.docs ?? "(no line)")
                      compiled: \(difference.compiled ?? "(no line)")
                    Change the docs or the region so that they are the same again (and the region still compiles and runs).\(renumber)
                    """)
            }
        }
        let keys = Set(blocks.compactMap(\.key))
        for region in regions where !keys.contains(region.key) {
            Issue.record("\(region.file):\(region.line): region `// docs: \(region.key)` holds no block of the docs any more (removed, or renumbered): remove or renumber it")
        }
    }

    /// The scripts the docs' commands may name: the examples and the scripts the docs show.
    static let scripts: [any Script.Type] = [
        HelloWorld.self, CustomerSync.self, InvoiceExport.self, BulkUpdate.self, InvoiceReminder.self, OverdueInvoices.self,
    ]

    @Test func everyRunbookCommandInTheDocsIsValid() throws {
        let catalog = ScriptCatalog(Self.scripts)
        var checked = 0
        for block in try DocsFiles.codeBlocks() where block.isShell {
            let commandLines = block.showsOutput ? block.lines.filter { $0.hasPrefix("$ ") } : block.lines
            for command in commandLines.flatMap(ShellCommand.commands(in:)) where !command.isSynopsis {
                checked += 1
                if let problem = Self.problem(with: command, catalog: catalog) {
                    Issue.record("\(block): `\(command)` \(problem)")
                }
            }
        }
        #expect(checked > 10)
    }

    /// Why `command` would fail to parse, or nil.
    static func problem(with command: ShellCommand, catalog: ScriptCatalog) -> String? {
        let parsed: any ParsableCommand
        do {
            parsed = try RunbookCommand.parseAsRoot(command.arguments)
        } catch {
            return "does not parse: \(RunbookCommand.message(for: error))"
        }
        guard let run = parsed as? RunCommand else { return nil }
        let positional = run.arguments.prefix(3).prefix { !$0.hasPrefix("-") }
        guard positional.count == 3 else { return "names no <script> <org> <env>" }
        guard let script = catalog.script(named: positional[positional.startIndex]) else {
            return "names an unknown script (known: \(catalog.names.joined(separator: ", ")))"
        }
        let options = ScriptArguments(Array(run.arguments.dropFirst(3)))
        do {
            _ = try script.parse(options.arguments)
        } catch {
            return "has options \(script.name) does not accept: \(script.message(for: error))"
        }
        return nil
    }

    @Test func everyBlockThatShowsOutputIsChecked() throws {
        for block in try DocsFiles.codeBlocks() where block.showsOutput {
            guard let first = block.lines.first(where: { $0.hasPrefix("$ ") }) else { continue }
            let key = "\(block.file): \(first)"
            #expect(DocsOutputTests.checkedBlocks.contains { $0.key == key },
                    "\(block) shows the output of `\(first.dropFirst(2))`, but no test checks it: add \"\(key)\" to DocsOutputTests.checkedBlocks")
        }
    }

    /// The first line where the block and the region differ.
    static func firstDifference(_ docs: [String], _ compiled: [String]) -> (line: Int, docs: String?, compiled: String?)? {
        for index in 0..<max(docs.count, compiled.count) {
            let left = index < docs.count ? docs[index] : nil
            let right = index < compiled.count ? compiled[index] : nil
            if left != right { return (index + 1, left, right) }
        }
        return nil
    }
}
