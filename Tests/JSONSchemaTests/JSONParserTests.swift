import JSONSchema
import Testing

/// A compact rendering of a parsed tree, for table-driven comparisons.
private func render(_ node: JSONNode) -> String {
    switch node.value {
    case .null: "null"
    case .bool(let value): "\(value)"
    case .integer(let value): "i\(value)"
    case .number(let number): "n\(number.literal)"
    case .string(let text): "s\(text.debugDescription)"
    case .array(let elements): "[" + elements.map(render).joined(separator: ",") + "]"
    case .object(let object): "{" + object.members.map { "\($0.key):\(render($0.value))" }.joined(separator: ",") + "}"
    }
}

struct JSONParserTests {
    static let valid: [(String, String)] = [
        ("0", "i0"),
        ("-0", "i0"),
        (" true ", "true"),
        ("false", "false"),
        ("null", "null"),
        ("9223372036854775807", "i9223372036854775807"),
        ("-9223372036854775808", "i-9223372036854775808"),
        ("9223372036854775808", "n9223372036854775808"),
        ("1.5", "n1.5"),
        ("1e3", "n1e3"),
        ("-0.01E-2", "n-0.01E-2"),
        (#""a\"b\\c\/\b\f\n\r\t""#, #"s"a\"b\\c/\u{08}\u{0C}\n\r\t""#),
        (#""\u00e9\ud83d\ude00""#, #"s"é😀""#),
        ("\"héllo\"", #"s"héllo""#),
        ("[]", "[]"),
        ("{}", "{}"),
        (#"[1, [2, {"a": []}], "x"]"#, #"[i1,[i2,{a:[]}],s"x"]"#),
        ("\u{FEFF}{\"a\":1}", "{a:i1}"),
    ]

    @Test(arguments: valid)
    func parsesValidDocument(input: String, expected: String) throws {
        #expect(render(try JSONParser.parse(input)) == expected)
    }

    @Test func recordsLineAndColumnOfValuesAndKeys() throws {
        let node = try JSONParser.parse("{\n  \"é\": [1,\n    true],\n\t\"b\" : null}", source: 7)
        let object = try #require(node.value.objectValue)
        #expect(node.location == SourceLocation(source: 7, line: 1, column: 1))
        #expect(object.members[0].keyLocation == SourceLocation(source: 7, line: 2, column: 3))
        #expect(object.members[0].value.location == SourceLocation(source: 7, line: 2, column: 8))
        #expect(object.members[0].value.value.arrayValue?[1].location == SourceLocation(source: 7, line: 3, column: 5))
        #expect(object.members[1].keyLocation == SourceLocation(source: 7, line: 4, column: 2))
        #expect(object.members[1].value.location == SourceLocation(source: 7, line: 4, column: 8))
    }

    static let invalid: [(String, String, UInt32, UInt32)] = [
        ("", "empty document: expected a JSON value", 1, 1),
        ("  \n ", "empty document: expected a JSON value", 2, 2),
        ("{\n  \"a\": 1,\n  \"a\": 2}", "duplicate key 'a' (first defined at line 2, column 3)", 3, 3),
        ("1 2", "unexpected '2' after the JSON value", 1, 3),
        ("{} x", "unexpected 'x' after the JSON value", 1, 4),
        (#""a\x""#, "invalid escape '\\x' in string", 1, 3),
        (#""\ud800""#, "unpaired surrogate '\\uD800' in string", 1, 2),
        (#""\udc00""#, "unpaired surrogate '\\uDC00' in string", 1, 2),
        (#""\ud800\u0041""#, "unpaired surrogate '\\uD800' in string", 1, 2),
        (#""\u12G4""#, "invalid \\u escape: expected 4 hex digits", 1, 2),
        ("01", "invalid number: leading zeros are not allowed", 1, 1),
        ("[1.]", "invalid number: expected a digit after '.'", 1, 4),
        (".5", "expected a JSON value, found '.'", 1, 1),
        ("+1", "expected a JSON value, found '+'", 1, 1),
        ("-", "invalid number: expected a digit after '-'", 1, 2),
        ("1e+", "invalid number: expected a digit in the exponent", 1, 4),
        ("NaN", "expected a JSON value, found 'NaN'", 1, 1),
        ("[tru]", "expected a JSON value, found 'tru'", 1, 2),
        ("\"a\tb\"", "unescaped control character U+0009 in string", 1, 3),
        ("\"abc", "unterminated string", 1, 1),
        ("[1, 2", "unterminated array (opened at line 1, column 1)", 1, 6),
        ("{\"a\": 1", "unterminated object (opened at line 1, column 1)", 1, 8),
        ("[1 2]", "expected ',' or ']' in array, found '2'", 1, 4),
        ("{\"a\" 1}", "expected ':' after object key, found '1'", 1, 6),
        ("{1: 2}", "expected a string key in object, found '1'", 1, 2),
        ("[1,]", "expected a JSON value, found ']'", 1, 4),
        ("{'a': 1}", "expected a string key in object, found '''", 1, 2),
    ]

    @Test(arguments: invalid)
    func rejectsInvalidDocument(input: String, message: String, line: UInt32, column: UInt32) {
        #expect(throws: JSONSyntaxError(message: message, location: SourceLocation(line: line, column: column))) {
            try JSONParser.parse(input)
        }
    }

    static let invalidBytes: [([UInt8], String, UInt32, UInt32)] = [
        ([0x22, 0xFF, 0x22], "invalid UTF-8 byte 0xFF", 1, 2),
        ([0x22, 0xC3, 0x22], "invalid UTF-8 byte 0x22", 1, 3),
        ([0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 byte 0xC0", 1, 2),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 byte 0xED", 1, 2),
        ([0x5B, 0xE9, 0x5D], "invalid UTF-8 byte 0xE9", 1, 2),
    ]

    @Test(arguments: invalidBytes)
    func rejectsInvalidUTF8(input: [UInt8], message: String, line: UInt32, column: UInt32) {
        #expect(throws: JSONSyntaxError(message: message, location: SourceLocation(line: line, column: column))) {
            try JSONParser.parse(input)
        }
    }

    @Test func rejectsNestingBeyondMaxDepthWithoutCrashing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError(message: "nesting deeper than 1000 levels", location: SourceLocation(line: 1, column: 1001))) {
            try JSONParser.parse(deep)
        }
        let allowed = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        #expect(throws: Never.self) { try JSONParser.parse(allowed, maxDepth: 50) }
    }

    @Test func reportsDuplicateKeysInLargeObjects() {
        let members = (0..<30).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(throws: JSONSyntaxError(message: "duplicate key 'k3' (first defined at line 1, column 29)", location: SourceLocation(line: 1, column: 312))) {
            try JSONParser.parse("{" + members + ", \"k3\": 0}")
        }
    }
}
