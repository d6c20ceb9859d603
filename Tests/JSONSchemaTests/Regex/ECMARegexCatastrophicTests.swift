import JSONSchema
import Testing

/// Catastrophic-backtracking patterns on inputs long enough to need the memo (or the budget), with the
/// answers V8 found by exhaustive search (minutes of it). Memoizable patterns must be answered exactly;
/// the others (empty-iteration checks) may end over budget but never with a wrong answer.
@Suite("ECMARegex on catastrophic patterns")
struct ECMARegexCatastrophicTests {
    static let rows: [ECMARegexV8DifferentialTests.Row] = [
        .init("(a|aa)+b", String(repeating: "a", count: 22), nil),
        .init("(a|aa)+b", String(repeating: "a", count: 22) + "b", ("", String(repeating: "a", count: 22) + "b")),
        .init("(a|aa)+b", String(repeating: "a", count: 21) + "!", nil),
        .init("(a|aa)+b", String(repeating: "ab", count: 11) + "c", ("", "ab")),
        .init("(a|aa)+b", String(repeating: "ab", count: 11), ("", "ab")),
        .init("(a|aa)+b", String(repeating: "x", count: 24), nil),
        .init("(a|aa)+b", String(repeating: "aab", count: 7) + "bc", ("", String(repeating: "a", count: 2) + "b")),
        .init("(a|aa)+b", String(repeating: "abc", count: 6) + "d", ("", "ab")),
        .init("(a|aa)+$", String(repeating: "a", count: 22), ("", String(repeating: "a", count: 22))),
        .init("(a|aa)+$", String(repeating: "a", count: 22) + "b", nil),
        .init("(a|aa)+$", String(repeating: "a", count: 21) + "!", nil),
        .init("(a|aa)+$", String(repeating: "ab", count: 11) + "c", nil),
        .init("(a|aa)+$", String(repeating: "ab", count: 11), nil),
        .init("(a|aa)+$", String(repeating: "x", count: 24), nil),
        .init("(a|aa)+$", String(repeating: "aab", count: 7) + "bc", nil),
        .init("(a|aa)+$", String(repeating: "abc", count: 6) + "d", nil),
        .init("(a|a?)+c", String(repeating: "a", count: 22), nil),
        .init("(a|a?)+c", String(repeating: "a", count: 22) + "b", nil),
        .init("(a|a?)+c", String(repeating: "a", count: 21) + "!", nil),
        .init("(a|a?)+c", String(repeating: "ab", count: 11) + "c", (String(repeating: "ab", count: 11), "c")),
        .init("(a|a?)+c", String(repeating: "ab", count: 11), nil),
        .init("(a|a?)+c", String(repeating: "x", count: 24), nil),
        .init("(a|a?)+c", String(repeating: "aab", count: 7) + "bc", (String(repeating: "aab", count: 7) + "b", "c")),
        .init("(a|a?)+c", String(repeating: "abc", count: 6) + "d", ("ab", "c")),
        .init("(?:a+|b)+x", String(repeating: "a", count: 22), nil),
        .init("(?:a+|b)+x", String(repeating: "a", count: 22) + "b", nil),
        .init("(?:a+|b)+x", String(repeating: "a", count: 21) + "!", nil),
        .init("(?:a+|b)+x", String(repeating: "ab", count: 11) + "c", nil),
        .init("(?:a+|b)+x", String(repeating: "ab", count: 11), nil),
        .init("(?:a+|b)+x", String(repeating: "x", count: 24), nil),
        .init("(?:a+|b)+x", String(repeating: "aab", count: 7) + "bc", nil),
        .init("(?:a+|b)+x", String(repeating: "abc", count: 6) + "d", nil),
        .init("([ab]+)*c", String(repeating: "a", count: 22), nil),
        .init("([ab]+)*c", String(repeating: "a", count: 22) + "b", nil),
        .init("([ab]+)*c", String(repeating: "a", count: 21) + "!", nil),
        .init("([ab]+)*c", String(repeating: "ab", count: 11) + "c", ("", String(repeating: "ab", count: 11) + "c")),
        .init("([ab]+)*c", String(repeating: "ab", count: 11), nil),
        .init("([ab]+)*c", String(repeating: "x", count: 24), nil),
        .init("([ab]+)*c", String(repeating: "aab", count: 7) + "bc", ("", String(repeating: "aab", count: 7) + "bc")),
        .init("([ab]+)*c", String(repeating: "abc", count: 6) + "d", ("", "abc")),
        .init("(a+)+b", String(repeating: "a", count: 22), nil),
        .init("(a+)+b", String(repeating: "a", count: 22) + "b", ("", String(repeating: "a", count: 22) + "b")),
        .init("(a+)+b", String(repeating: "a", count: 21) + "!", nil),
        .init("(a+)+b", String(repeating: "ab", count: 11) + "c", ("", "ab")),
        .init("(a+)+b", String(repeating: "ab", count: 11), ("", "ab")),
        .init("(a+)+b", String(repeating: "x", count: 24), nil),
        .init("(a+)+b", String(repeating: "aab", count: 7) + "bc", ("", String(repeating: "a", count: 2) + "b")),
        .init("(a+)+b", String(repeating: "abc", count: 6) + "d", ("", "ab")),
        .init("(?:a|b|ab)*c", String(repeating: "a", count: 22), nil),
        .init("(?:a|b|ab)*c", String(repeating: "a", count: 22) + "b", nil),
        .init("(?:a|b|ab)*c", String(repeating: "a", count: 21) + "!", nil),
        .init("(?:a|b|ab)*c", String(repeating: "ab", count: 11) + "c", ("", String(repeating: "ab", count: 11) + "c")),
        .init("(?:a|b|ab)*c", String(repeating: "ab", count: 11), nil),
        .init("(?:a|b|ab)*c", String(repeating: "x", count: 24), nil),
        .init("(?:a|b|ab)*c", String(repeating: "aab", count: 7) + "bc", ("", String(repeating: "aab", count: 7) + "bc")),
        .init("(?:a|b|ab)*c", String(repeating: "abc", count: 6) + "d", ("", "abc")),
        .init("^(a+)+$", String(repeating: "a", count: 22), ("", String(repeating: "a", count: 22))),
        .init("^(a+)+$", String(repeating: "a", count: 22) + "b", nil),
        .init("^(a+)+$", String(repeating: "a", count: 21) + "!", nil),
        .init("^(a+)+$", String(repeating: "ab", count: 11) + "c", nil),
        .init("^(a+)+$", String(repeating: "ab", count: 11), nil),
        .init("^(a+)+$", String(repeating: "x", count: 24), nil),
        .init("^(a+)+$", String(repeating: "aab", count: 7) + "bc", nil),
        .init("^(a+)+$", String(repeating: "abc", count: 6) + "d", nil),
        .init("(x+x+)+y", String(repeating: "a", count: 22), nil),
        .init("(x+x+)+y", String(repeating: "a", count: 22) + "b", nil),
        .init("(x+x+)+y", String(repeating: "a", count: 21) + "!", nil),
        .init("(x+x+)+y", String(repeating: "ab", count: 11) + "c", nil),
        .init("(x+x+)+y", String(repeating: "ab", count: 11), nil),
        .init("(x+x+)+y", String(repeating: "x", count: 24), nil),
        .init("(x+x+)+y", String(repeating: "aab", count: 7) + "bc", nil),
        .init("(x+x+)+y", String(repeating: "abc", count: 6) + "d", nil),
        .init("(?:a*b*)*c$", String(repeating: "a", count: 22), nil),
        .init("(?:a*b*)*c$", String(repeating: "a", count: 22) + "b", nil),
        .init("(?:a*b*)*c$", String(repeating: "a", count: 21) + "!", nil),
        .init("(?:a*b*)*c$", String(repeating: "ab", count: 11) + "c", ("", String(repeating: "ab", count: 11) + "c")),
        .init("(?:a*b*)*c$", String(repeating: "ab", count: 11), nil),
        .init("(?:a*b*)*c$", String(repeating: "x", count: 24), nil),
        .init("(?:a*b*)*c$", String(repeating: "aab", count: 7) + "bc", ("", String(repeating: "aab", count: 7) + "bc")),
        .init("(?:a*b*)*c$", String(repeating: "abc", count: 6) + "d", nil),
        .init("(a|ab|b)*bc", String(repeating: "a", count: 22), nil),
        .init("(a|ab|b)*bc", String(repeating: "a", count: 22) + "b", nil),
        .init("(a|ab|b)*bc", String(repeating: "a", count: 21) + "!", nil),
        .init("(a|ab|b)*bc", String(repeating: "ab", count: 11) + "c", ("", String(repeating: "ab", count: 11) + "c")),
        .init("(a|ab|b)*bc", String(repeating: "ab", count: 11), nil),
        .init("(a|ab|b)*bc", String(repeating: "x", count: 24), nil),
        .init("(a|ab|b)*bc", String(repeating: "aab", count: 7) + "bc", ("", String(repeating: "aab", count: 7) + "bc")),
        .init("(a|ab|b)*bc", String(repeating: "abc", count: 6) + "d", ("", "abc")),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "a", count: 22), ("", String(repeating: "a", count: 22))),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "a", count: 22) + "b", ("", String(repeating: "a", count: 22) + "b")),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "a", count: 21) + "!", nil),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "ab", count: 11) + "c", ("", "ab")),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "ab", count: 11), ("", "ab")),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "x", count: 24), nil),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "aab", count: 7) + "bc", ("", String(repeating: "a", count: 2) + "b")),
        .init("^(?:a|aa|aaa)*(?:b|$)", String(repeating: "abc", count: 6) + "d", ("", "ab")),
        .init("((a+)|(b+))+z", String(repeating: "a", count: 22), nil),
        .init("((a+)|(b+))+z", String(repeating: "a", count: 22) + "b", nil),
        .init("((a+)|(b+))+z", String(repeating: "a", count: 21) + "!", nil),
        .init("((a+)|(b+))+z", String(repeating: "ab", count: 11) + "c", nil),
        .init("((a+)|(b+))+z", String(repeating: "ab", count: 11), nil),
        .init("((a+)|(b+))+z", String(repeating: "x", count: 24), nil),
        .init("((a+)|(b+))+z", String(repeating: "aab", count: 7) + "bc", nil),
        .init("((a+)|(b+))+z", String(repeating: "abc", count: 6) + "d", nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "a", count: 22), nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "a", count: 22) + "b", nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "a", count: 21) + "!", nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "ab", count: 11) + "c", nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "ab", count: 11), nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "x", count: 24), nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "aab", count: 7) + "bc", nil),
        .init("(?:[a-c]+|a)+d$", String(repeating: "abc", count: 6) + "d", ("", String(repeating: "abc", count: 6) + "d")),
        .init("(a|b)*?ab$", String(repeating: "a", count: 22), nil),
        .init("(a|b)*?ab$", String(repeating: "a", count: 22) + "b", ("", String(repeating: "a", count: 22) + "b")),
        .init("(a|b)*?ab$", String(repeating: "a", count: 21) + "!", nil),
        .init("(a|b)*?ab$", String(repeating: "ab", count: 11) + "c", nil),
        .init("(a|b)*?ab$", String(repeating: "ab", count: 11), ("", String(repeating: "ab", count: 11))),
        .init("(a|b)*?ab$", String(repeating: "x", count: 24), nil),
        .init("(a|b)*?ab$", String(repeating: "aab", count: 7) + "bc", nil),
        .init("(a|b)*?ab$", String(repeating: "abc", count: 6) + "d", nil),
    ]

    /// Patterns whose loop bodies can match empty: they keep an empty-iteration check, which rules out
    /// memoization.
    static let unmemoizable: Set<String> = ["(a|a?)+c", "(?:a*b*)*c$", "^(?:a|aa|aaa)*(?:b|$)"]

    @Test func answersAgreeWithV8() throws {
        var wrong: [String] = []
        var overBudget: [String] = []
        for row in Self.rows {
            let label = "/\(row.pattern)/ on \(row.input.debugDescription)"
            switch try ECMARegex(row.pattern).evaluate(row.input) {
            case .budgetExceeded:
                if !Self.unmemoizable.contains(row.pattern) { overBudget.append(label) }
            case .noMatch:
                if row.expected != nil { wrong.append(label) }
            case .match(let range):
                let got = (String(row.input[..<range.lowerBound]), String(row.input[range]))
                if got.0 != row.expected?.prefix || got.1 != row.expected?.match { wrong.append(label) }
            }
        }
        #expect(wrong == [])
        #expect(overBudget == [])
    }
}
