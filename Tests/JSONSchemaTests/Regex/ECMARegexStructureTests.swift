import JSONSchema
import Testing

@Suite("ECMARegex quantifiers, groups, anchors and lookaround")
struct ECMARegexStructureTests {
    static let quantifiers: [MatchCase] = [
        .init("a*", "bbb", ""),
        .init("ba*", "baaab", "baaa"),
        .init("ba*?", "baaab", "b"),
        .init("ba+", "baaab", "baaa"),
        .init("ba+?", "baaab", "ba"),
        .init("ba?", "baaab", "ba"),
        .init("ba??", "baaab", "b"),
        .init("a{2}", "aaaa", "aa"),
        .init("a{2,}", "aaaa", "aaaa"),
        .init("a{2,3}", "aaaa", "aaa"),
        .init("a{2,3}?", "aaaa", "aa"),
        .init("^a{2,3}$", "aaaa", nil),
        .init("a{0}", "aaa", ""),
        .init("(?:ab){2}", "abababx", "abab"),
        .init("(?:ab){1,2}?c", "ababc", "ababc"),
        .init("(?:a|b)*c", "abbac", "abbac"),
        .init("(a|ab)(c|bcd)(d*)", "abcd", "abcd"),
        .init("x*y+$", "xxyyyz", nil),
        .init("[a-z]+@[a-z]+", "me@host", "me@host"),
        .init("a.*b", "axxbxxbyy", "axxbxxb"),
        .init("a.*?b", "axxbxxbyy", "axxb"),
        .init("(?:)*", "abc", ""),
        .init("(a*)*b", "aaab", "aaab"),
        .init("(a*)+b", "b", "b"),
        .init("(?:a?)*?b", "ab", "ab"),
        .init("^[a-z][a-z0-9-]{1,62}$", "acme-prod", "acme-prod"),
        .init("^[a-z][a-z0-9-]{1,62}$", "Acme", nil),
        .init("^[a-z][a-z0-9-]{1,62}$", "a", nil),
        .init("(ab|a)(bc|c)?$", "abc", "abc"),
        .init("(\\d{1,3}\\.){3}\\d{1,3}", "ip 10.0.0.255!", "10.0.0.255"),
    ]

    static let groups: [MatchCase] = [
        .init("(a)\\1", "xaa", "aa"),
        .init("(a)\\1", "xab", nil),
        .init("(?<x>[a-c])\\k<x>", "abbc", "bb"),
        .init("\\k<x>(?<x>a)", "a", "a"),
        .init("\\1(a)", "a", "a"),
        .init("(a)|\\1b", "b", "b"),
        .init("(?:(a)|b)\\1", "bx", "b"),
        .init("(z)((a+)?(b+)?(c))*\\3", "zaacbbbcac", "zaacbbbc"),
        .init("((a)|b)+\\2", "aba", "ab"),
        .init("(?<year>\\d{4})-(?<month>\\d{2})", "on 2024-05-01", "2024-05"),
        .init("(😀)\\1", "😀😀", "😀😀"),
        .init("a|b|c", "xxc", "c"),
        .init("ab|", "x", ""),
    ]

    static let assertions: [MatchCase] = [
        .init("^abc$", "abc\n", nil),
        .init("^abc$", "abc", "abc"),
        .init("^b", "ab", nil),
        .init("a$", "ab", nil),
        .init("\\bfoo\\b", "a foo.", "foo"),
        .init("\\bfoo\\b", "afoo", nil),
        .init("\\Boo\\B", "afoob", "oo"),
        .init("\\bé", "é", nil),
        .init("a(?=b)", "acab", "a"),
        .init("a(?!b)", "abac", "a"),
        .init("(?=(a+))a*b\\1", "baaabac", "aba"),
        .init("(?!(a))\\1b", "ab", "b"),
        .init("(?<=\\$)\\d+", "cost $42", "42"),
        .init("(?<!\\$)\\b\\d+", "$42 17", "17"),
        .init("(?<=a+)b", "aaab", "b"),
        .init("(?<=^a*)b", "aab", "b"),
        .init("(?<=^a*)b", "acb", nil),
        .init("(?<=(\\d)(\\d))x", "12x", "x"),
        .init("(?<=\\1(a))b", "aab", "b"),
        .init("(?<=😀)b", "😀b", "b"),
        .init("(?<![a-z])\\d", "a1 2", "2"),
        .init("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123", "abc123"),
        .init("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abcdef", nil),
    ]

    @Test(arguments: quantifiers) func quantifier(_ item: MatchCase) throws { try check(item) }
    @Test(arguments: groups) func group(_ item: MatchCase) throws { try check(item) }
    @Test(arguments: assertions) func assertion(_ item: MatchCase) throws { try check(item) }
}
