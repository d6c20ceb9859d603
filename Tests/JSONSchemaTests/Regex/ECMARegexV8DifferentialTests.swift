import JSONSchema
import Testing

/// Random patterns (groups, lookaround, backreferences, quantifiers, classes, properties, non-BMP text)
/// whose expected results were produced by V8, the JavaScript engine of Node.js.
@Suite("ECMARegex agrees with V8")
struct ECMARegexV8DifferentialTests {
    /// A pattern, an input, and V8's (text before the match, match) or nil for no match.
    struct Row: Sendable {
        let pattern: String
        let input: String
        let expected: (prefix: String, match: String)?
        init(_ pattern: String, _ input: String, _ expected: (String, String)?) {
            self.pattern = pattern
            self.input = input
            self.expected = expected
        }
    }

    @Test func matchesAgreeWithV8() throws {
        var disagreements: [String] = []
        for row in Self.matchRows {
            let regex = try ECMARegex(row.pattern)
            let got = regex.firstMatch(in: row.input).map {
                (String(row.input[..<$0.lowerBound]), String(row.input[$0]))
            }
            if got?.0 != row.expected?.prefix || got?.1 != row.expected?.match {
                disagreements.append("/\(row.pattern)/ on \(row.input.debugDescription)")
            }
        }
        #expect(disagreements == [])
        #expect(Self.matchRows.count > 1000)
    }

    @Test func syntaxErrorsAgreeWithV8() {
        let accepted = Self.rejectedPatterns.filter { (try? ECMARegex($0)) != nil }
        #expect(accepted == [])
        #expect(Self.rejectedPatterns.count > 200)
    }
}
