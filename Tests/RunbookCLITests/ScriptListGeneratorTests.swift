import Foundation
import RunbookTesting
import Testing

/// The tool of the RunbookScriptList build tool plugin writes the `runbook` executable's script list.
@Suite("runbook-script-list (the script list build tool)")
struct ScriptListGeneratorTests {
    @Test func writesOneImportAndOneEntryPerScriptInNameOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("script-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("ScriptList.swift")
        let process = Process()
        process.executableURL = try BuiltExecutable.url(named: "runbook-script-list")
        process.arguments = [output.path, "InvoiceExport", "BulkUpdate"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.hasSuffix("""
            import BulkUpdate
            import InvoiceExport
            import Runbook

            let knownScripts: [any Script.Type] = [
                BulkUpdate.self,
                InvoiceExport.self,
            ]

            """))
    }
}
