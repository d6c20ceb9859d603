import JSONSchema
import Runbook
import Testing

/// Anchors, aliases, merge keys and the alias expansion budget.
@Suite struct YAMLAliasTests {
    static let cases: [(yaml: String, expected: String)] = [
        ("a: &v 5\nb: *v\n", "{a: 5, b: 5}"),
        ("base: &b {x: 1, y: [2]}\nuse: *b\n", "{base: {x: 1, y: [2]}, use: {x: 1, y: [2]}}"),
        ("- &s [1, 2]\n- *s\n- [*s, *s]\n", "[[1, 2], [1, 2], [[1, 2], [1, 2]]]"),
        ("a: &x 1\nb: &x 2\nc: *x\n", "{a: 1, b: 2, c: 2}"),
        ("a: &x [&x 1, *x]\n", "{a: [1, 1]}"),
        ("k: &k name\n*k : 1\n", #"{k: "name", name: 1}"#),
        ("&k key: 1\nother: *k\n", #"{key: 1, other: "key"}"#),
        ("a: &q '12'\nb: *q\n", #"{a: "12", b: "12"}"#),
        // merge keys
        ("base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  b: 3\n", "{base: {a: 1, b: 2}, m: {a: 1, b: 3}}"),
        ("base: &b {a: 1, b: 2}\nm:\n  b: 3\n  <<: *b\n", "{base: {a: 1, b: 2}, m: {b: 3, a: 1}}"),
        ("p: &p {a: 1, b: 2}\nq: &q {b: 20, c: 30}\nm:\n  <<: [*p, *q]\n  d: 4\n",
         "{p: {a: 1, b: 2}, q: {b: 20, c: 30}, m: {a: 1, b: 2, c: 30, d: 4}}"),
        ("p: &p {a: 1, b: 2}\nq: &q {b: 20, c: 30}\nm:\n  a: 0\n  <<: [*q, *p]\n",
         "{p: {a: 1, b: 2}, q: {b: 20, c: 30}, m: {a: 0, b: 20, c: 30}}"),
        ("m:\n  <<: {a: 1}\n  b: 2\n", "{m: {a: 1, b: 2}}"),
        ("m: {<<: [{a: 1}, {a: 2, b: 2}], c: 3}\n", "{m: {a: 1, b: 2, c: 3}}"),
        ("\"<<\": 1\n", "{<<: 1}"),
        ("'<<': {a: 1}\n", "{<<: {a: 1}}"),
        // errors
        ("a: *nope\n", "error: line 1, column 4: unknown anchor 'nope' (an alias must refer to an anchor defined before it)"),
        ("a: *b\nb: &b 1\n", "error: line 1, column 4: unknown anchor 'b' (an alias must refer to an anchor defined before it)"),
        ("a: &r [1, *r]\n", "error: line 1, column 11: alias 'r' refers to a node that contains it (recursive alias)"),
        ("a: &r\n  b:\n    c: *r\n", "error: line 3, column 8: alias 'r' refers to a node that contains it (recursive alias)"),
        ("m:\n  <<: 1\n", "error: line 2, column 7: the merge key '<<' needs a mapping or a sequence of mappings, not a scalar"),
        ("s: &s [1]\nm:\n  <<: *s\n", "error: line 1, column 8: the merge key '<<' needs mappings, but this sequence holds a scalar"),
        ("a: &a {x: 1}\nm:\n  <<: [*a, [1]]\n", "error: line 3, column 12: the merge key '<<' needs mappings, but this sequence holds a sequence"),
    ]

    @Test(arguments: cases)
    func resolves(yaml: String, expected: String) {
        #expect(outcome(yaml) == expected)
    }

    @Test func aliasLocations() throws {
        let root = try YAMLReader().read("base: &b {x: 1}\nuse: *b\n")
        let use = try #require(root.node(at: ["use"]))
        #expect(position(use.location) == "2:6")
        #expect(position(try #require(use.node(at: ["x"])).location) == "1:14")
        #expect(position(try #require(use.value.objectValue?.member("x")).keyLocation) == "1:11")
    }

    /// The classic "billion laughs": 9 levels of 9 aliases each.
    static let lolBomb: String = {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func billionLaughsIsRefused() {
        #expect(outcome(Self.lolBomb) == "error: line 7, column 8: alias 'f' expands the document beyond the alias limit of 1000000 nodes (an alias bomb?)")
    }

    @Test func billionLaughsIsRefusedUnderASmallerLimit() {
        #expect(outcome(Self.lolBomb, limits: limits(maxAliasExpansion: 1_000)) == "error: line 4, column 8: alias 'c' expands the document beyond the alias limit of 1000 nodes (an alias bomb?)")
    }

    @Test func budgetGrowsWithTheDocument() {
        // 1 root + 1 sequence + 3 scalars + 1 sequence = 6 own nodes → budget max(1, 60); 4 aliases × 4 nodes = 16.
        let yaml = "a: &a [1, 2, 3]\nb: [*a, *a, *a, *a]\n"
        #expect(outcome(yaml, limits: limits(maxAliasExpansion: 1)) == "{a: [1, 2, 3], b: [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]}")
        let many = "a: &a [1, 2, 3]\nb: [" + Array(repeating: "*a", count: 20).joined(separator: ", ") + "]\n"
        #expect(outcome(many, limits: limits(maxAliasExpansion: 1)) == "error: line 2, column 65: alias 'a' expands the document beyond the alias limit of 60 nodes (an alias bomb?)")
    }

    @Test func aliasesCountTowardsDepth() {
        let yaml = "a: &a [[1]]\nb: [*a]\n"
        #expect(outcome(yaml, limits: limits(maxDepth: 4)) == "{a: [[1]], b: [[[1]]]}")
        #expect(outcome(yaml, limits: limits(maxDepth: 3)) == "error: line 2, column 5: alias 'a' nests the document deeper than the limit of 3 levels")
    }

    /// Chained aliases whose depth adds up are refused before they build a deep tree.
    @Test func chainedDeepAliases() {
        var lines = ["a0: &a0 " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)]
        for index in 1..<10 {
            lines.append("a\(index): &a\(index) " + String(repeating: "[", count: 200) + "*a\(index - 1)" + String(repeating: "]", count: 200))
        }
        #expect(outcome(lines.joined(separator: "\n")) == "error: line 2, column 209: alias 'a0' nests the document deeper than the limit of 256 levels")
    }
}
