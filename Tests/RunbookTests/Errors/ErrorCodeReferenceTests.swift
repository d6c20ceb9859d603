import Foundation
import Runbook
import Testing

/// docs/errors.md is generated from the catalog and committed: it must be exactly what the code says.
@Suite struct ErrorCodeReferenceTests {
    @Test func docsErrorsIsTheGeneratedReference() throws {
        let committed = try SourceTree.text("docs/errors.md")
        let generated = ErrorCodeReference().markdown()
        #expect(committed == generated, """
            docs/errors.md is not the reference the error catalog generates: \
            run `swift run runbook docs errors > docs/errors.md` and commit it
            """)
    }

    @Test func theReferenceListsEveryCodeWithItsMeaningAndFix() {
        let markdown = ErrorCodeReference().markdown()
        let rows = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("| <a id=") }
        #expect(rows.count == ErrorCode.all.count, "one row per code")
        for code in ErrorCode.all {
            let row = rows.first { $0.contains("`\(code.identifier)`") }
            #expect(row?.contains(code.meaning) == true, "\(code)")
            #expect(row?.contains(code.fix.replacingOccurrences(of: "|", with: "\\|")) == true, "\(code)")
            #expect(row?.contains("id=\"\(code.identifier.lowercased())\"") == true, "\(code) has an anchor")
        }
        for area in ErrorCode.Area.all {
            #expect(markdown.contains("\n## \(area.name): \(area.title)\n"), "\(area.name)")
        }
    }

    @Test func aCodeOfAnotherAreaGetsASectionOfItsOwn() {
        let fleet = ErrorCode.Area("FLT", title: "Fleets")
        let reference = ErrorCodeReference(codes: [.configFileMissing, ErrorCode(fleet, 1, meaning: "m | n", fix: "f")],
                                           areas: [.configuration])
        let markdown = reference.markdown()
        #expect(markdown.contains("- [FLT: Fleets](#flt-fleets)"))
        #expect(markdown.contains("## FLT: Fleets\n\n| code | meaning | fix |\n|---|---|---|\n"
            + "| <a id=\"rb-flt-001\"></a>`RB-FLT-001` | m \\| n | f |\n"))
        #expect(!markdown.contains("## SEC"), "an area without codes has no section")
    }
}
