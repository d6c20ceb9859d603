import JSONSchema
import Testing

@Suite("ECMARegex syntax errors")
struct ECMARegexSyntaxErrorTests {
    /// A pattern JavaScript rejects in Unicode mode, with our exact message.
    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let pattern: String
        let message: String
        let offset: Int
        var testDescription: String { "/\(pattern)/" }
    }

    static let cases: [ErrorCase] = [
        .init(pattern: "[a-z", message: "unterminated character class at offset 0", offset: 0),
        .init(pattern: "ab[^", message: "unterminated character class at offset 2", offset: 2),
        .init(pattern: "^(abc", message: "unterminated group at offset 1", offset: 1),
        .init(pattern: "^(abc]", message: "lone ']' must be escaped as \\] at offset 5", offset: 5),
        .init(pattern: "a)", message: "unmatched ')' at offset 1", offset: 1),
        .init(pattern: "\\a", message: "invalid escape '\\a' at offset 0", offset: 0),
        .init(pattern: "x\\e", message: "invalid escape '\\e' at offset 1", offset: 1),
        .init(pattern: "\\-", message: "invalid escape '\\-' at offset 0", offset: 0),
        .init(pattern: "[\\k]", message: "invalid escape '\\k' at offset 1", offset: 1),
        .init(pattern: "ab\\", message: "'\\' at end of pattern at offset 2", offset: 2),
        .init(pattern: "{", message: "lone '{' must be escaped as \\{ at offset 0", offset: 0),
        .init(pattern: "a}", message: "lone '}' must be escaped as \\} at offset 1", offset: 1),
        .init(pattern: "a]", message: "lone ']' must be escaped as \\] at offset 1", offset: 1),
        .init(pattern: "a{2", message: "incomplete quantifier at offset 1", offset: 1),
        .init(pattern: "a{,2}", message: "incomplete quantifier at offset 1", offset: 1),
        .init(pattern: "a{3,2}", message: "numbers out of order in {} quantifier at offset 1", offset: 1),
        .init(pattern: "*a", message: "nothing to repeat at offset 0", offset: 0),
        .init(pattern: "a|+", message: "nothing to repeat at offset 2", offset: 2),
        .init(pattern: "(?:?)", message: "nothing to repeat at offset 3", offset: 3),
        .init(pattern: "a**", message: "nothing to repeat at offset 2", offset: 2),
        .init(pattern: "a{2}{3}", message: "nothing to repeat at offset 4", offset: 4),
        .init(pattern: "{2}", message: "nothing to repeat at offset 0", offset: 0),
        .init(pattern: "^*", message: "nothing to repeat at offset 1", offset: 1),
        .init(pattern: "\\b+", message: "nothing to repeat at offset 2", offset: 2),
        .init(pattern: "(?=a)*", message: "nothing to repeat at offset 5", offset: 5),
        .init(pattern: "(?<=a)?", message: "nothing to repeat at offset 6", offset: 6),
        .init(pattern: "[z-a]", message: "range out of order in character class at offset 1", offset: 1),
        .init(pattern: "[\\d-z]", message: "a class escape like \\d cannot be a range bound at offset 1", offset: 1),
        .init(pattern: "[a-\\w]", message: "a class escape like \\d cannot be a range bound at offset 1", offset: 1),
        .init(pattern: "\\c", message: "invalid escape '\\c' (expected a letter A-Z or a-z after it) at offset 0", offset: 0),
        .init(pattern: "\\c1", message: "invalid escape '\\c' (expected a letter A-Z or a-z after it) at offset 0", offset: 0),
        .init(pattern: "\\x4", message: "invalid escape '\\x' (expected two hexadecimal digits) at offset 0", offset: 0),
        .init(pattern: "\\u12", message: "invalid escape '\\u' (expected four hexadecimal digits or {...}) at offset 0", offset: 0),
        .init(pattern: "\\u{110000}", message: "invalid escape '\\u{...}' (value above 10FFFF) at offset 0", offset: 0),
        .init(pattern: "\\u{}", message: "invalid escape '\\u{' (expected hexadecimal digits and '}') at offset 0", offset: 0),
        .init(pattern: "\\00", message: "invalid escape '\\0' followed by a digit (octal escapes are not allowed) at offset 0", offset: 0),
        .init(pattern: "[\\1]", message: "invalid escape '\\1' in a character class at offset 1", offset: 1),
        .init(pattern: "(a)\\2", message: "backreference \\2 to a group that does not exist (the pattern has 1) at offset 3", offset: 3),
        .init(pattern: "\\k<x>", message: "unknown group name 'x' in \\k<x> at offset 0", offset: 0),
        .init(pattern: "\\k", message: "invalid named reference (expected \\k<name>) at offset 0", offset: 0),
        .init(pattern: "(?<1a>x)", message: "invalid capture group name at offset 3", offset: 3),
        .init(pattern: "(?<\\u0031>x)", message: "invalid capture group name at offset 3", offset: 3),
        .init(pattern: "(?<a\\u>x)", message: "invalid capture group name at offset 3", offset: 3),
        .init(pattern: "(?<a", message: "invalid capture group name at offset 3", offset: 3),
        .init(pattern: "(?<a>x)(?<a>y)", message: "duplicate capture group name 'a' at offset 10", offset: 10),
        .init(pattern: "(?P<name>x)", message: "invalid group '(?' at offset 0", offset: 0),
        .init(pattern: "(?#comment)a", message: "invalid group '(?' at offset 0", offset: 0),
        .init(pattern: "(?i)abc", message: "invalid group '(?' at offset 0", offset: 0),
        .init(pattern: "\\p{Foo}", message: "unknown Unicode property 'Foo' at offset 0", offset: 0),
        .init(pattern: "\\p{letter}", message: "unknown Unicode property 'letter' at offset 0", offset: 0),
        .init(pattern: "\\p{Script=Klingon}", message: "unknown Unicode property 'Script=Klingon' at offset 0", offset: 0),
        .init(pattern: "\\p{Block=Basic_Latin}", message: "unknown Unicode property 'Block=Basic_Latin' at offset 0", offset: 0),
        .init(pattern: "\\pL", message: "invalid property escape (expected \\p{Name}) at offset 0", offset: 0),
        .init(pattern: "\\p{L", message: "invalid property escape (expected \\p{Name}) at offset 0", offset: 0),
        .init(pattern: "é(", message: "unterminated group at offset 1", offset: 1),
        .init(pattern: "😀[", message: "unterminated character class at offset 1", offset: 1),
    ]

    @Test(arguments: cases) func rejects(_ item: ErrorCase) {
        let error = #expect(throws: ECMARegexError.self) { _ = try ECMARegex(item.pattern) }
        #expect(error?.message == item.message)
        #expect(error?.offset == item.offset)
    }

    @Test func errorDescriptionIsTheMessage() {
        let error = ECMARegexError("unterminated character class", at: 3)
        #expect(error.description == "unterminated character class at offset 3")
        #expect(error.offset == 3)
        #expect(error == ECMARegexError(message: "unterminated character class at offset 3", offset: 3))
    }

    @Test func nestingBeyondTheLimitIsAnError() {
        let deep = String(repeating: "(", count: 251) + String(repeating: ")", count: 251)
        #expect(throws: ECMARegexError("pattern nests groups deeper than 250 levels", at: 250)) {
            _ = try ECMARegex(deep)
        }
        let allowed = String(repeating: "(?:", count: 250) + "a" + String(repeating: ")", count: 250)
        #expect((try? ECMARegex(allowed))?.matches("a") == true)
    }

    @Test func hugeExpansionIsAnError() {
        #expect(throws: ECMARegexError("pattern too large (its repetitions expand beyond 200000 steps)", at: 0)) {
            _ = try ECMARegex("((ab){1000}){1000}")
        }
        #expect(throws: ECMARegexError("pattern too large (its repetitions expand beyond 200000 steps)", at: 0)) {
            _ = try ECMARegex("a(){2147483647}b")
        }
    }
}
