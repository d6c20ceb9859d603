import Foundation
import Runbook
import Testing

/// The catalog of error codes: every code well-formed, listed once and in order, declared in the
/// catalog files, used by some error, and Codable as its string.
@Suite struct ErrorCodeCatalogTests {
    static let catalogFolder = "Sources/Runbook/Errors/Codes"

    /// The names of the `static let <name> = ErrorCode(` declarations of the catalog files.
    static func declaredNames() throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"static let (\w+) = ErrorCode\("#)
        return try SourceTree.swiftFiles(under: catalogFolder).flatMap { file in
            pattern.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)).compactMap {
                Range($0.range(at: 1), in: file.text).map { String(file.text[$0]) }
            }
        }
    }

    @Test func everyCodeIsWellFormedListedOnceAndInOrder() {
        let identifiers = ErrorCode.all.map(\.identifier)
        #expect(identifiers.count > 50)
        #expect(identifiers.filter { !ErrorCode.isWellFormed($0) } == [])
        #expect(Set(identifiers).count == identifiers.count, "a code is listed twice")
        let unordered = zip(identifiers, identifiers.dropFirst()).filter { $0 >= $1 }
        #expect(unordered.isEmpty, "ErrorCode.all must be in identifier order: \(unordered)")
        #expect(ErrorCode.all.allSatisfy { code in ErrorCode.Area.all.contains(code.area) })
        #expect(Set(ErrorCode.Area.all.map(\.name)).count == ErrorCode.Area.all.count)
    }

    @Test func everyMeaningAndFixIsOneLine() {
        for code in ErrorCode.all {
            #expect(!code.meaning.isEmpty && !code.fix.isEmpty, "\(code)")
            #expect(!code.meaning.contains("\n") && !code.fix.contains("\n"), "\(code)")
            #expect(!code.meaning.hasSuffix(".") && !code.fix.hasSuffix("."), "\(code): no final full stop")
        }
    }

    /// A code declared but missing from `ErrorCode.all` would be absent from docs/errors.md.
    @Test func everyDeclaredCodeIsInTheList() throws {
        let names = try Self.declaredNames()
        #expect(names.count == Set(names).count)
        #expect(names.count == ErrorCode.all.count,
                "\(names.count) codes are declared in \(Self.catalogFolder) but ErrorCode.all lists \(ErrorCode.all.count)")
    }

    /// A code no error uses is a dead entry in docs/errors.md.
    @Test func everyDeclaredCodeIsUsedBySomeError() throws {
        let names = try Self.declaredNames()
        let sources = try SourceTree.swiftFiles(under: "Sources").filter { !$0.path.hasPrefix(Self.catalogFolder) }
        let unused = try names.filter { name in
            let use = try NSRegularExpression(pattern: "\\.\(name)\\b")
            return !sources.contains { file in
                use.firstMatch(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)) != nil
            }
        }
        #expect(unused == [], "no source file uses these codes")
    }

    /// Each area's "Next free: RB-…" line in the catalog files is above every code of its area, so
    /// a new code taken from it never reuses a number.
    @Test func everyAreaNamesItsNextFreeCode() throws {
        let pattern = try NSRegularExpression(pattern: #"RB-([A-Z]+)-(\d{3})"#)
        var nextFree: [String: Int] = [:]
        for file in try SourceTree.swiftFiles(under: Self.catalogFolder) {
            for line in file.text.split(separator: "\n") where line.contains("Next free: ") {
                let text = String(line)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let area = Range(match.range(at: 1), in: text), let number = Range(match.range(at: 2), in: text) else { continue }
                    nextFree[String(text[area])] = Int(text[number])
                }
            }
        }
        #expect(Set(nextFree.keys) == Set(ErrorCode.Area.all.map(\.name)), "one Next free line per area")
        for area in ErrorCode.Area.all {
            let highest = ErrorCode.all.filter { $0.area == area }.map(\.number).max() ?? 0
            #expect((nextFree[area.name] ?? 0) > highest, "\(area.name): Next free must be above RB-\(area.name)-\(highest)")
        }
    }

    @Test func aCodeIsCodableAsItsString() throws {
        let data = try JSONEncoder().encode([ErrorCode.configSchemaViolation, .httpTokenRequestFailed])
        #expect(String(decoding: data, as: UTF8.self) == #"["RB-CFG-010","RB-HTTP-018"]"#)
        let decoded = try JSONDecoder().decode([ErrorCode].self, from: data)
        #expect(decoded == [.configSchemaViolation, .httpTokenRequestFailed])
        #expect(decoded[0].meaning == ErrorCode.configSchemaViolation.meaning, "a known code comes back with its meaning")
    }

    @Test func anUnknownWellFormedCodeDecodesAndAMalformedOneDoesNot() throws {
        let own = try JSONDecoder().decode(ErrorCode.self, from: Data(#""RB-SCR-101""#.utf8))
        #expect(own == ErrorCode(.script, 101, meaning: "", fix: ""))
        #expect(own.area.title == ErrorCode.Area.script.title)
        let newer = try JSONDecoder().decode(ErrorCode.self, from: Data(#""RB-FLT-007""#.utf8))
        #expect(newer.identifier == "RB-FLT-007" && newer.area.name == "FLT" && newer.number == 7)
        for text in ["RB-CFG-1", "CFG-001", "RB-cfg-001", "RB-CFG-000", "RB--001"] {
            #expect(throws: DecodingError.self, "\(text)") {
                try JSONDecoder().decode(ErrorCode.self, from: Data("\"\(text)\"".utf8))
            }
        }
    }

    @Test func identifiersArePaddedToThreeDigits() {
        #expect(ErrorCode(.configuration, 7, meaning: "m", fix: "f").identifier == "RB-CFG-007")
        #expect(ErrorCode(.http, 42, meaning: "m", fix: "f").identifier == "RB-HTTP-042")
        #expect(ErrorCode(.usage, 999, meaning: "m", fix: "f").identifier == "RB-USG-999")
        #expect(ErrorCode.named("RB-CFG-012") == .configKeyMisspelled)
        #expect(ErrorCode.named("RB-CFG-999") == nil)
    }
}
