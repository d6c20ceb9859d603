import JSONSchema
import Runbook
import Testing

/// Structural errors: duplicates, non-scalar keys, documents, syntax errors reported by libyaml.
@Suite struct YAMLErrorTests {
    static let cases: [(yaml: String, expected: String)] = [
        // duplicate keys name both places
        ("a: 1\nb: 2\na: 3\n", "error: line 3, column 1: duplicate key 'a' (first defined at line 1, column 1)"),
        ("x:\n  k: 1\n  k: 2\n", "error: line 3, column 3: duplicate key 'k' (first defined at line 2, column 3)"),
        ("{x: 1, y: 2, x: 3}", "error: line 1, column 14: duplicate key 'x' (first defined at line 1, column 2)"),
        ("'a': 1\n\"a\": 2\n", "error: line 2, column 1: duplicate key 'a' (first defined at line 1, column 1)"),
        ("base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n", "error: line 4, column 3: duplicate key '<<' (first defined at line 3, column 3)"),
        ("k: &k a\na: 1\n*k : 2\n", "error: line 3, column 1: duplicate key 'a' (first defined at line 2, column 1)"),
        // non-scalar keys
        ("? [a]\n: 1\n", "error: line 1, column 3: a mapping key must be a scalar, not a sequence"),
        ("? {a: 1}\n: 1\n", "error: line 1, column 3: a mapping key must be a scalar, not a mapping"),
        ("m: &m {x: 1}\n? *m\n: 2\n", "error: line 2, column 3: a mapping key must be a scalar, not an alias to a mapping"),
        // a single document
        ("a: 1\n---\nb: 2\n", "error: line 2, column 1: expected a single document, but found another document"),
        ("--- a\n--- b\n", "error: line 2, column 1: expected a single document, but found another document"),
        ("a: 1\n...\n", "{a: 1}"),
        ("%YAML 1.2\n---\na: 1\n", "{a: 1}"),
        // empty documents
        ("", "null"), ("# only a comment\n", "null"), ("\n\n   \n", "null"), ("---\n", "null"), ("---\n...\n", "null"),
        // syntax errors from libyaml, with line and column
        ("a:\n\tb: 1\n", "error: line 2, column 1: found character that cannot start any token (while scanning for the next token at line 2, column 1)"),
        ("a: [1, 2\n", "error: line 2, column 1: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)"),
        ("a: \"open\n", "error: line 2, column 1: found unexpected end of stream (while scanning a quoted scalar at line 1, column 4)"),
        ("a: b: c\n", "error: line 1, column 5: mapping values are not allowed in this context"),
        ("a:\n  b: 1\n c: 2\n", "error: line 3, column 2: did not find expected key (while parsing a block mapping at line 1, column 1)"),
        ("- a\nb: 1\n", "error: line 2, column 1: did not find expected '-' indicator (while parsing a block collection at line 1, column 1)"),
        ("a: *\n", "error: line 1, column 5: did not find expected alphabetic or numeric character (while scanning an alias at line 1, column 4)"),
        ("a: &\n", "error: line 1, column 5: did not find expected alphabetic or numeric character (while scanning an anchor at line 1, column 4)"),
        ("[1, 2]]\n", "error: line 1, column 7: did not find expected <document start>"),
        ("a: 'x\n\n", "error: line 3, column 1: found unexpected end of stream (while scanning a quoted scalar at line 1, column 4)"),
        ("%YAML 2.0\n---\na\n", "error: line 1, column 1: found incompatible YAML document"),
    ]

    @Test(arguments: cases)
    func reports(yaml: String, expected: String) {
        #expect(outcome(yaml) == expected)
    }

    @Test func duplicateInLargeMapping() {
        let lines = (0..<40).map { "key\($0): \($0)" } + ["key7: again"]
        #expect(outcome(lines.joined(separator: "\n")) == "error: line 41, column 1: duplicate key 'key7' (first defined at line 8, column 1)")
    }

    @Test func largeMappingWithoutDuplicates() throws {
        let lines = (0..<500).map { "key\($0): \($0)" }
        let node = try YAMLReader().read(lines.joined(separator: "\n"))
        #expect(node.value.objectValue?.count == 500)
        #expect(node.value.objectValue?["key499"].map { render($0.value) } == "499")
    }

    @Test func errorFields() {
        #expect(throws: YAMLError("duplicate key 'a' (first defined at line 2, column 1)", at: SourceLocation(source: 9, line: 5, column: 1))) {
            try YAMLReader().read("\na: 1\n\n\na: 2\n", source: 9)
        }
    }

    @Test func emptyDocumentLocation() throws {
        let node = try YAMLReader().read("# nothing\n", source: 3)
        #expect(node.location == SourceLocation(source: 3, line: 1, column: 1))
        #expect(try YAMLReader().read([UInt8](), source: 3).location == SourceLocation(source: 3, line: 1, column: 1))
    }
}
