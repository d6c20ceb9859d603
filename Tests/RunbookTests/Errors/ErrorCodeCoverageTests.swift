import Foundation
import Testing

/// Every `HelpfulError` Runbook raises names its code: a `HelpfulError(` construction anywhere in
/// Sources/ (Runbook, RunbookCLI, RunbookTesting, JSONSchema, …) must pass `code:`, its first
/// argument. Only a script's own errors fall back to `RB-SCR-001`.
@Suite struct ErrorCodeCoverageTests {
    /// One `HelpfulError(` construction in a source text.
    struct Construction: Equatable, CustomStringConvertible {
        let file: String
        let line: Int
        let hasCode: Bool
        var description: String { "\(file):\(line)" }
    }

    /// Every `HelpfulError(` in `text` outside a `//` comment line: the type's name as a whole word,
    /// directly followed by `(`, and whether its argument list starts with `code:`.
    static func constructions(in text: String, file: String) -> [Construction] {
        var found: [Construction] = []
        var searchStart = text.startIndex
        while let range = text.range(of: "HelpfulError(", range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            if range.lowerBound > text.startIndex {
                let before = text[text.index(before: range.lowerBound)]
                if before.isLetter || before.isNumber || before == "_" { continue }
            }
            let lineStart = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            if text[lineStart..<range.lowerBound].trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
            let arguments = text[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            let line = text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            found.append(Construction(file: file, line: line, hasCode: arguments.hasPrefix("code:")))
        }
        return found
    }

    @Test func theScannerSeesEveryKindOfConstruction() {
        let text = """
            /// throw HelpfulError(problem: "in a doc comment", solution: "ignored")
            let a = HelpfulError(code: .configFileMissing, problem: "p", solution: "s")
            let b = HelpfulError(
                code: .secretMissing,
                problem: "p", solution: "s")
            let c = HelpfulError(problem: "no code", solution: "s")   // counted: the comment comes after
            let d = MyHelpfulError(problem: "another type")
            func e() -> HelpfulError { HelpfulError(
                problem: "no code either", solution: "s") }
            """
        #expect(Self.constructions(in: text, file: "x.swift") == [
            Construction(file: "x.swift", line: 2, hasCode: true),
            Construction(file: "x.swift", line: 3, hasCode: true),
            Construction(file: "x.swift", line: 6, hasCode: false),
            Construction(file: "x.swift", line: 8, hasCode: false),
        ])
    }

    @Test func everyHelpfulErrorInSourcesHasACode() throws {
        let files = try SourceTree.swiftFiles(under: "Sources")
        #expect(files.contains { $0.path == "Sources/Runbook/Errors/HelpfulError.swift" }, "the scanner reads Sources/")
        let all = files.flatMap { Self.constructions(in: $0.text, file: $0.path) }
        #expect(all.count > 50, "found only \(all.count) HelpfulError( constructions: the scanner is broken")
        for target in ["Sources/Runbook/", "Sources/RunbookCLI/", "Sources/RunbookTesting/"] {
            #expect(all.contains { $0.file.hasPrefix(target) }, "no construction found in \(target)")
        }
        let missing = all.filter { !$0.hasCode }
        #expect(missing.isEmpty, """
            These HelpfulError constructions have no code: pass `code: .<name>` as the first argument \
            (Sources/Runbook/Errors/Codes/ErrorCode+Catalog.swift says how to add one): \(missing)
            """)
    }
}
