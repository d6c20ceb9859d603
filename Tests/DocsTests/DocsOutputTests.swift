import Foundation
import Runbook
import RunbookTesting
import Testing

/// The blocks of the docs that show a `runbook` command with its output: the command runs in-process
/// against a copy of the demo project, and its output must be what the block shows. A block line
/// ending in `…` matches any line that starts with the text before it, and ends the comparison.
@Suite struct DocsOutputTests {
    /// A checked block: its file and first `$ ` line, how to prepare the project, and the scripts it knows.
    struct CheckedBlock: Sendable, CustomTestStringConvertible {
        let key: String
        let prepare: @Sendable (TestWorkspace) throws -> Void
        let scripts: [any Script.Type]
        let exitCode: Int32
        var testDescription: String { key }
    }

    static let checkedBlocks: [CheckedBlock] = [
        CheckedBlock(
            key: "README.md: $ swift run runbook validate demo test",
            prepare: { try $0.edit("config/demo-test-config.yaml", replacing: "burst-size: 5", with: "burst-size: 1.5") },
            scripts: DocsDriftTests.scripts, exitCode: 78),
        CheckedBlock(
            key: "docs/writing-a-script.md: $ swift run runbook run overdue-invoices acme prod --help",
            prepare: { _ in }, scripts: DocsDriftTests.scripts, exitCode: 0),
        CheckedBlock(
            key: "docs/configuration.md: $ runbook config acme prod --explain script-behavior.rate-limiting.calls-per-second",
            prepare: { try $0.writeShownFiles(of: "docs/configuration.md") }, scripts: DocsDriftTests.scripts, exitCode: 0),
        CheckedBlock(
            key: "docs/configuration.md: $ runbook config acme prod",
            prepare: { try $0.writeShownFiles(of: "docs/configuration.md") }, scripts: DocsDriftTests.scripts, exitCode: 0),
    ]

    @Test(arguments: checkedBlocks)
    func theOutputShownIsTheOutputGot(_ checked: CheckedBlock) async throws {
        let file = String(checked.key.prefix { $0 != ":" })
        let first = String(checked.key.dropFirst(file.count + 2))
        let block = try #require(
            try DocsFiles.codeBlocks().first { $0.file == file && $0.lines.contains(first) },
            "\(file) no longer has a block with `\(first)`: update DocsOutputTests.checkedBlocks")
        let start = try #require(block.lines.firstIndex(of: first))
        let expected = Array(block.lines[(start + 1)...].prefix { !$0.hasPrefix("$ ") })
        let command = try #require(ShellCommand.commands(in: first).first)
        let project = try TestWorkspace.docs()
        defer { project.remove() }
        try checked.prepare(project)
        let result = await CLITester(scripts: checked.scripts).run(command.arguments, in: project)
        #expect(result.exitCode == checked.exitCode, "\(block): `\(command)` exited with \(result.exitCode)")
        var actual = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if actual.last == "" { actual.removeLast() }
        if let difference = Self.firstDifference(shown: expected, got: actual) {
            Issue.record("""
                \(block) shows output that `\(command)` no longer prints, at line \(difference.line) of its output:
                  docs: \(difference.shown ?? "(no line)")
                  got:  \(difference.got ?? "(no line)")
                Whole output:
                \(result.output)
                """)
        }
    }

    /// The first line where the shown output and the real one differ (`…` at the end of a shown line
    /// matches any rest, and what follows).
    static func firstDifference(shown: [String], got: [String]) -> (line: Int, shown: String?, got: String?)? {
        for index in 0..<max(shown.count, got.count) {
            let left = index < shown.count ? shown[index] : nil
            let right = index < got.count ? got[index] : nil
            if let left, left.hasSuffix("…"), let right, right.hasPrefix(left.dropLast().trimmingCharacters(in: .whitespaces)) {
                return nil
            }
            if left != right { return (index + 1, left, right) }
        }
        return nil
    }
}
