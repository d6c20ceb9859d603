import JSONSchema
import Testing

/// One pattern, one input, and the text of the leftmost match (nil: no match).
struct MatchCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let input: String
    let expected: String?
    init(_ pattern: String, _ input: String, _ expected: String?) {
        self.pattern = pattern
        self.input = input
        self.expected = expected
    }
    var testDescription: String { "/\(pattern)/ on \(input.debugDescription)" }
}

/// Runs a case: the matched text must equal `expected`, and `matches` must agree.
func check(_ item: MatchCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let regex = try ECMARegex(item.pattern)
    let range = regex.firstMatch(in: item.input)
    #expect(range.map { String(item.input[$0]) } == item.expected, sourceLocation: sourceLocation)
    #expect(regex.matches(item.input) == (item.expected != nil), sourceLocation: sourceLocation)
}

@Suite("ECMARegex literals, sets and escapes")
struct ECMARegexCharacterTests {
    static let cases: [MatchCase] = [
        .init("abc", "xxabcxx", "abc"),
        .init("abc", "ab", nil),
        .init("", "anything", ""),
        .init("a.c", "abc", "abc"),
        .init("a.c", "a\nc", nil),
        .init("a.c", "a\rc", nil),
        .init("a.c", "a\u{2028}c", nil),
        .init("a.c", "a\u{2029}c", nil),
        .init("a.c", "a😀c", "a😀c"),
        .init("^.$", "😀", "😀"),
        .init("^..$", "😀", nil),
        .init("\\d+", "ab123c", "123"),
        .init("\\d", "٣", nil),
        .init("\\D+", "12ab3", "ab"),
        .init("\\w+", "--héllo", "h"),
        .init("\\W", "abc_1é", "é"),
        .init("\\s", "a\u{00A0}b", "\u{00A0}"),
        .init("\\s", "a\u{FEFF}b", "\u{FEFF}"),
        .init("\\s", "a\u{3000}b", "\u{3000}"),
        .init("\\s", "a\u{0085}b", nil),
        .init("\\S+", " \tab c", "ab"),
        .init("[a-c]+", "xxbcaz", "bca"),
        .init("[^a-c]+", "abcxyzab", "xyz"),
        .init("[]", "abc", nil),
        .init("[^]", "\n", "\n"),
        .init("[\\d-]+", "a1-2b", "1-2"),
        .init("[-a]+", "b-a-", "-a-"),
        .init("[a-]+", "b-a-", "-a-"),
        .init("[\\w.]+@", "x mail.me@host", "mail.me@"),
        .init("[\\b]", "a\u{08}b", "\u{08}"),
        .init("[\\-]", "a-b", "-"),
        .init("[😀-😂]", "x😁y", "😁"),
        .init("[^\\d\\s]", "1 2x", "x"),
        .init("\\t\\n\\v\\f\\r", "\t\n\u{0B}\u{0C}\r", "\t\n\u{0B}\u{0C}\r"),
        .init("\\0", "a\u{0}b", "\u{0}"),
        .init("\\cJ\\cj", "\n\n", "\n\n"),
        .init("\\x41\\x62", "zAb", "Ab"),
        .init("\\u0041", "A", "A"),
        .init("\\u{1F600}", "x😀", "😀"),
        .init("\\uD83D\\uDE00", "x😀", "😀"),
        .init("\\/\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\", "/.*+?()[]{}|^$\\", "/.*+?()[]{}|^$\\"),
        .init("^\u{1F432}*$", "\u{1F432}\u{1F432}", "\u{1F432}\u{1F432}"),
        .init("^\u{1F432}*$", "\u{1F409}", nil),
    ]

    @Test(arguments: cases) func matches(_ item: MatchCase) throws { try check(item) }
}

@Suite("ECMARegex Unicode properties")
struct ECMARegexPropertyTests {
    static let cases: [MatchCase] = [
        .init("\\p{L}+", "12héllo3", "héllo"),
        .init("\\p{Letter}+", "12πβ3", "πβ"),
        .init("\\p{Lu}", "abcÉf", "É"),
        .init("\\p{Uppercase_Letter}", "abcDf", "D"),
        .init("\\p{General_Category=Decimal_Number}+", "x٣4", "٣4"),
        .init("\\p{gc=Nd}", "x٣", "٣"),
        .init("\\p{General_Category=Letter}+", "1ab2", "ab"),
        .init("\\p{Script_Extensions=Greek}", "a\u{0342}", "\u{0342}"),
        .init("\\p{Lowercase}\\p{Uppercase}", "aBc", "aB"),
        .init("\\p{ID_Start}\\p{ID_Continue}*", "1_a9", "a9"),
        .init("\\p{digit}+", "ab৪২", "৪২"),
        .init("\\P{L}+", "ab12é", "12"),
        .init("[\\P{L}]+", "ab12é", "12"),
        .init("[^\\P{L}]+", "12ab", "ab"),
        .init("\\p{Script=Greek}+", "abc αβγ", "αβγ"),
        .init("\\p{sc=Grek}", "abc", nil),
        .init("\\p{sc=Cyrillic}+", "hi привет", "привет"),
        .init("\\p{Script=Han}+", "a漢字b", "漢字"),
        .init("\\p{Script=Hiragana}", "カひ", "ひ"),
        .init("\\p{Script=Katakana}", "ひカ", "カ"),
        .init("\\p{Script=Arabic}", "aعb", "ع"),
        .init("\\p{Script=Hebrew}", "aשb", "ש"),
        .init("\\p{Script=Latin}+", "αabc", "abc"),
        .init("\\p{scx=Grek}", "\u{0342}", "\u{0342}"),
        .init("\\p{Alphabetic}+", "1ab2", "ab"),
        .init("\\p{White_Space}", "a\u{2003}b", "\u{2003}"),
        .init("\\p{Emoji}", "ab😀", "😀"),
        .init("\\p{Emoji_Presentation}", "ab😀", "😀"),
        .init("\\p{Extended_Pictographic}", "ab😀", "😀"),
        .init("\\p{ASCII}+", "éab", "ab"),
        .init("\\p{Any}", "\n", "\n"),
        .init("\\p{RI}", "x🇫🇷", "🇫"),
        .init("\\p{Assigned}", "\u{0378}a", "a"),
        .init("\\p{Cn}", "a\u{0378}", "\u{0378}"),
    ]

    @Test(arguments: cases) func matches(_ item: MatchCase) throws { try check(item) }
}
