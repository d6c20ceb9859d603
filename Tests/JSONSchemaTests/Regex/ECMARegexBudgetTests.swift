import JSONSchema
import Testing

@Suite("ECMARegex step budget")
struct ECMARegexBudgetTests {
    /// A catastrophic pattern, an input, and the correct answer were the search to finish.
    struct HostileCase: CustomTestStringConvertible, Sendable {
        let pattern: String
        let input: String
        let wouldMatch: Bool
        var testDescription: String { "/\(pattern)/" }
    }

    static let cases: [HostileCase] = [
        .init(pattern: "(a+)+$", input: String(repeating: "a", count: 31) + "!", wouldMatch: false),
        .init(pattern: "(a+)+b", input: String(repeating: "a", count: 31) + "b", wouldMatch: true),
        .init(pattern: "^(a+)+$", input: String(repeating: "a", count: 31) + "!", wouldMatch: false),
        .init(pattern: "(a|a)*b", input: String(repeating: "a", count: 30), wouldMatch: false),
        .init(pattern: "(a*)*b", input: String(repeating: "a", count: 30), wouldMatch: false),
        .init(pattern: "^(\\w+\\s?)*$", input: String(repeating: "word ", count: 8) + "!", wouldMatch: false),
        .init(pattern: "(x+x+)+y", input: String(repeating: "x", count: 40), wouldMatch: false),
    ]

    @Test(arguments: cases) func hostilePatternEndsWithinBudget(_ item: HostileCase) throws {
        let regex = try ECMARegex(item.pattern)
        switch regex.evaluate(item.input) {
        case .budgetExceeded:
            #expect(regex.matches(item.input) == false)
        case .match:
            #expect(item.wouldMatch)
        case .noMatch:
            #expect(!item.wouldMatch)
        }
    }

    @Test func exponentialSearchReportsBudgetExceeded() throws {
        // The backreference rules out memoization, so the search really is exponential.
        let regex = try ECMARegex("^(a|a)*\\1b")
        let input = String(repeating: "a", count: 40)
        #expect(regex.evaluate(input) == .budgetExceeded)
        #expect(regex.firstMatch(in: input) == nil)
    }

    @Test func memoizationAnswersExponentialPatternsExactly() throws {
        let input = String(repeating: "a", count: 40)
        #expect(try ECMARegex("^(a|a)*b").evaluate(input) == .noMatch)
        #expect(try ECMARegex("(a|aa)+$").matches(input + "!") == false)
        #expect(try ECMARegex("(a|aa)+c").matches(input + "c"))
    }

    @Test func evaluateReportsTheMatchRange() throws {
        let input = "id: acme-prod"
        let outcome = try ECMARegex("[a-z]+-[a-z]+").evaluate(input)
        guard case .match(let range) = outcome else {
            Issue.record("expected a match, got \(outcome)")
            return
        }
        #expect(input[range] == "acme-prod")
        #expect(try ECMARegex("z").evaluate(input) == .noMatch)
    }

    @Test func longInputsAreSearchedLinearly() throws {
        let input = String(repeating: "ab", count: 200_000) + "c"
        #expect(try ECMARegex("c$").matches(input))
        #expect(try ECMARegex("b[a-z]*c").matches(input))
    }
}

extension ECMARegexBudgetTests {
    @Test func backtrackingPointsAreBounded() throws {
        let input = String(repeating: "ab", count: 300_000)
        let regex = try ECMARegex("^(?:a|b)*c")
        #expect(regex.evaluate(input) == .budgetExceeded)
        #expect(try ECMARegex("^(?:a|b)*$").matches(String(repeating: "ab", count: 1_000)))
    }
}

extension ECMARegexBudgetTests {
    @Test func longPatternsCompile() throws {
        let scalars = (0x4E00..<(0x4E00 + 20_000)).compactMap(Unicode.Scalar.init)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        let regex = try ECMARegex(text)
        #expect(regex.matches("x" + text + "x"))
        #expect(!regex.matches(String(text.dropLast())))
    }
}
