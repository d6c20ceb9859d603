/// A regular expression with ECMA-262 semantics in Unicode mode (JavaScript `new RegExp(p, "u")`), the
/// dialect JSON Schema's `pattern`, `patternProperties` and `format: "regex"` use.
///
/// Compile once, match many times; matching is bounded by a step budget, so hostile patterns such as
/// `(a+)+$` cannot hang the caller.
///
/// ```swift
/// let identifier = try ECMARegex("^[a-z][a-z0-9-]{1,62}$")
/// identifier.matches("acme-prod")          // true
/// identifier.matches("Acme")               // false
/// try ECMARegex("\\p{Lu}").firstMatch(in: "abcDef")   // the range of "D"
/// ```
///
/// Semantics: matching is over Unicode scalars; `.` excludes line terminators; `^` and `$` anchor at the
/// input's start and end only; `\d`, `\w` and `\b` are ASCII-only; `\s` is ECMA-262 white space and line
/// terminators; no flags (case-sensitive, not multiline, not dotAll).
public struct ECMARegex: Sendable {
    /// How a search ended.
    public enum MatchOutcome: Sendable, Equatable {
        /// The leftmost match.
        case match(Range<String.Index>)
        /// The pattern matches nowhere in the input.
        case noMatch
        /// The search took more steps than its budget (a million, or 50 per input byte when more) or kept
        /// more than 500,000 backtracking points, and was abandoned: treat as "cannot tell"
        /// (``ECMARegex/matches(_:)`` answers false).
        case budgetExceeded
    }

    /// The pattern as written.
    public let pattern: String
    let program: RegexProgram

    /// Compiles `pattern`.
    ///
    /// - Throws: ``ECMARegexError`` for anything JavaScript would reject with a SyntaxError in Unicode mode
    ///   (`\a`, a lone `{`, `[z-a]`, an unknown `\p{...}`, `(?i)`, ...), for groups nested deeper than 250
    ///   levels, and for repetitions that would expand into a program too large to run.
    public init(_ pattern: String) throws(ECMARegexError) {
        var parser = RegexParser(pattern)
        let root = try parser.parse()
        self.pattern = pattern
        self.program = try RegexCompiler.compile(root, captureCount: parser.captureCount)
    }

    /// The leftmost match in `string`, or nil when there is none (or the step budget ran out).
    ///
    /// The bounds sit on Unicode scalar boundaries, which may fall inside a grapheme cluster (a match of
    /// `\u{301}` in a decomposed "é"); slice `string.unicodeScalars` with them for the exact matched scalars.
    public func firstMatch(in string: String) -> Range<String.Index>? {
        if case .match(let range) = evaluate(string) { return range }
        return nil
    }

    /// Whether the pattern matches anywhere in `string` (like JavaScript's `RegExp.prototype.test`);
    /// false when the step budget ran out.
    public func matches(_ string: String) -> Bool {
        if case .match = search(string) { return true }
        return false
    }

    /// Searches `string` and says whether it matched, where, or that the budget ran out.
    public func evaluate(_ string: String) -> MatchOutcome {
        switch search(string) {
        case .match(let bytes):
            let utf8 = string.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
            let upper = utf8.index(lower, offsetBy: bytes.count)
            return .match(lower..<upper)
        case .noMatch: return .noMatch
        case .budgetExceeded: return .budgetExceeded
        }
    }

    private func search(_ string: String) -> RegexMatcher.Outcome {
        if let outcome = string.utf8.withContiguousStorageIfAvailable({ RegexMatcher.search(program, in: $0) }) {
            return outcome
        }
        var copy = string
        return copy.withUTF8 { RegexMatcher.search(program, in: $0) }
    }
}
