@testable import Runbook
import Testing

/// The one-pass matcher behind layer 1 and the output screen, and the forms it is built from.
struct SecretMatcherTests {
    static func matches(_ patterns: [String], in text: String) -> [String] {
        let matcher = SecretMatcher(patterns: patterns.map { Array($0.utf8) })
        let bytes = Array(text.utf8)
        return matcher.ranges(in: bytes).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        (["abcd"], "xx ABCD yy abcd", ["ABCD", "abcd"]),
        (["abcd", "bcdefg"], "abcdefg", ["abcdefg"]),                 // overlapping: merged
        (["cdef", "abcdefgh"], "abcdefgh", ["abcdefgh"]),              // a longer match swallows an earlier one
        (["abab"], "abababab", ["abababab"]),                          // self-overlapping
        (["aaab"], "aaaaaab", ["aaab"]),                               // failure links
        (["pass", "password"], "my password!", ["password"]),
        (["çlé1"], "ÇLÉ1 çlé1", ["çlé1"]),                             // only ASCII letters fold
        (["zzzz"], "nothing here", [String]()),
    ])
    func findsEveryStretch(patterns: [String], text: String, expected: [String]) {
        #expect(Self.matches(patterns, in: text) == expected)
    }

    @Test func everyOwnerOfEveryOccurrence() {
        // The pattern triggers: one string may serve several rules, and short ones hide in long ones.
        let matcher = SecretMatcher(patterns: ["key", "key", "api-key", "y", "@"].map { Array($0.utf8) },
                                    owners: [0, 1, 2, 3, 4])
        var owners: Set<Int> = []
        matcher.forEachOwner(in: Array("X-API-KEY: 1".utf8)) { owners.insert($0) }
        #expect(owners == [0, 1, 2, 3])
    }

    @Test func streamingFindsAFormSplitAcrossChunks() {
        let matcher = SecretMatcher(patterns: [Array("s3cr3t-value".utf8)], owners: [7])
        var state: Int32 = 0
        #expect(matcher.firstOwner(in: Array("header,s3cr3".utf8), continuing: &state) == nil)
        #expect(matcher.firstOwner(in: Array("t-VALUE,tail".utf8), continuing: &state) == 7)
    }

    @Test func manySecretsStayOnePass() {
        let secrets = (0..<300).map { "secret-\($0)-value-\($0 * 7919)" }
        let forms = SecretForms(entries: secrets.map { (name: "key-\($0)", value: $0) })
        let line = String(repeating: "harmless text 0123456789 ", count: 400) + secrets[123].uppercased()
        let found = forms.matcher.ranges(in: Array(line.utf8))
        #expect(found.count == 1)
        #expect(forms.names[found[0].owner] == "key-secret-123-value-974037")
    }

    @Test("the forms of a value with - / + = & % \" \\ a space and non-ASCII")
    func formsOfSpecialCharacters() {
        let forms = Set(SecretForms.forms(of: #"a-b/c+d=e&f%g"h\i é"#))
        for expected in [
            #"a-b/c+d=e&f%g"h\i é"#,                                            // as is
            #"A-B/C+D=E&F%G"H\I É"#,                                            // upper-cased
            "a%2Db%2Fc%2Bd%3De%26f%25g%22h%5Ci%20%C3%A9",                      // .alphanumerics
            "a-b%2Fc%2Bd%3De%26f%25g%22h%5Ci%20%C3%A9",                        // RFC 3986 unreserved
            "a-b%2Fc%2Bd%3De%26f%25g%22h%5Ci+%C3%A9",                          // form encoding
            "a-b%252Fc%252Bd%253De%2526f%2525g%2522h%255Ci%2520%25C3%25A9",    // twice
            #"a-b\/c+d=e&f%g\"h\\i é"#,                                        // JSONEncoder
            #"a-b/c+d=e&f%g\"h\\i \u00e9"#,                                    // ASCII-only JSON
            #"a-b/c+d=e\u0026f%g\"h\\i \u00e9"#,                               // HTML-safe JSON
            "a-b/c+d=e&amp;f%g&quot;h\\i é",                                   // XML
            #"a-b/c+d=e&f%g""h\i é"#,                                          // CSV doubled quote
            "YS1iL2MrZD1lJmYlZyJoXGkgw6k=", "YS1iL2MrZD1lJmYlZyJoXGkgw6k",     // base64
            "YS1iL2MrZD1lJmYlZyJoXGkgw6k", "YS1iL2MrZD1lJmYlZyJoXGkgw6k=",     // base64url (same here)
            "612d622f632b643d652666256722685c6920c3a9",                        // hex
        ] {
            #expect(forms.contains(expected), "missing \(expected)")
        }
    }
}
