import JSONSchema
import Runbook
import Testing

/// YAML 1.2 core-schema resolution of scalars, as root documents.
@Suite struct YAMLScalarTests {
    static let cases: [(yaml: String, expected: String)] = [
        // null
        ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"), ("nULL", "\"nULL\""),
        ("a:", "{a: null}"), ("a: ~", "{a: null}"),
        // booleans; YAML 1.1 words stay strings
        ("true", "true"), ("True", "true"), ("TRUE", "true"), ("false", "false"), ("False", "false"),
        ("FALSE", "false"), ("tRUE", "\"tRUE\""), ("yes", "\"yes\""), ("Yes", "\"Yes\""), ("no", "\"no\""),
        ("NO", "\"NO\""), ("on", "\"on\""), ("off", "\"off\""), ("y", "\"y\""), ("n", "\"n\""),
        // integers
        ("0", "0"), ("-0", "0"), ("+12", "12"), ("-1", "-1"), ("007", "7"), ("0x1F", "31"), ("0xff", "255"),
        ("0o17", "15"), ("0o8", "\"0o8\""), ("0b101", "\"0b101\""), ("0x", "\"0x\""), ("-0x1F", "\"-0x1F\""),
        ("1_000", "\"1_000\""), ("12abc", "\"12abc\""),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
        ("9223372036854775808", "n:9223372036854775808"), ("12345678901234567890", "n:12345678901234567890"),
        ("-000123456789012345678901", "n:-123456789012345678901"),
        ("0x7FFFFFFFFFFFFFFF", "9223372036854775807"), ("0x8000000000000000", "n:9223372036854775808"),
        ("0x1FFFFFFFFFFFFFFFFFFFF", "n:2417851639229258349412351"), ("0o1777777777777777777777", "n:18446744073709551615"),
        // floats
        ("1e3", "n:1e3"), ("1.5", "n:1.5"), ("-1.5e-3", "n:-1.5e-3"), ("2E+10", "n:2E+10"), (".5", "n:0.5"),
        ("+.5", "n:0.5"), ("-.5", "n:-0.5"), ("1.", "n:1.0"), ("01.5", "n:1.5"), ("+1.5", "n:1.5"), ("0.0", "n:0.0"),
        ("1.e3", "n:1.0e3"), (".inf", "n:.inf"), (".Inf", "n:.inf"), ("+.INF", "n:.inf"), ("-.inf", "n:-.inf"),
        (".nan", "n:.nan"), (".NaN", "n:.nan"), (".NAN", "n:.nan"), ("-.nan", "\"-.nan\""), (".iNf", "\".iNf\""),
        ("1e", "\"1e\""), ("e3", "\"e3\""), (".e3", "\".e3\""), (".", "\".\""), ("+", "\"+\""), ("1.2.3", "\"1.2.3\""),
        ("2025-01-01", "\"2025-01-01\""), ("12:30", "\"12:30\""),
        // quoted and block scalars are strings
        ("\"true\"", "\"true\""), ("'12'", "\"12\""), ("\"~\"", "\"~\""), ("''", "\"\""), ("\"\"", "\"\""),
        ("'null'", "\"null\""), ("|\n  12\n", "\"12\n\""), (">\n  true\n  false\n", "\"true false\n\""),
        ("|-\n  .inf\n", "\".inf\""),
        // explicit tags
        ("!!str 12", "\"12\""), ("!!str true", "\"true\""), ("!!int \"12\"", "12"), ("!!int 0x1F", "31"),
        ("!!float 1", "n:1"), ("!!float '.5'", "n:0.5"), ("!!bool \"true\"", "true"), ("!!null ''", "null"),
        ("! 12", "\"12\""), ("!!map {a: 1}", "{a: 1}"), ("!!seq [1]", "[1]"),
        ("!<tag:yaml.org,2002:int> '7'", "7"),
        // strings
        ("hello world", "\"hello world\""), ("é", "\"é\""), ("-a", "\"-a\""), ("~x", "\"~x\""),
    ]

    @Test(arguments: cases)
    func resolves(yaml: String, expected: String) {
        #expect(outcome(yaml) == expected)
    }

    static let doubles: [(yaml: String, expected: Double)] = [
        (".inf", .infinity), ("-.inf", -.infinity), ("1e3", 1000), (".5", 0.5), ("12345678901234567890", 12345678901234567168),
    ]

    @Test(arguments: doubles)
    func keepsDouble(yaml: String, expected: Double) throws {
        let node = try YAMLReader().read(yaml)
        #expect(node.value.doubleValue == expected)
    }

    @Test func nanIsNaN() throws {
        let node = try YAMLReader().read(".nan")
        #expect(node.value.doubleValue?.isNaN == true)
    }

    static let tagErrors: [(yaml: String, expected: String)] = [
        ("!!int abc", "error: line 1, column 1: 'abc' is not a valid !!int"),
        ("a: !!float 0x1F", "error: line 1, column 4: '0x1F' is not a valid !!float"),
        ("!!bool yes", "error: line 1, column 1: 'yes' is not a valid !!bool"),
        ("!!null 0", "error: line 1, column 1: '0' is not a valid !!null"),
        ("!foo bar", "error: line 1, column 1: unsupported tag '!foo' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"),
        ("!!timestamp 2025-01-01", "error: line 1, column 1: unsupported tag '!!timestamp' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"),
        ("!!binary aGk=", "error: line 1, column 1: unsupported tag '!!binary' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"),
        ("!!map a", "error: line 1, column 1: the tag !!map cannot be used on a scalar"),
        ("x: !!seq {a: 1}", "error: line 1, column 4: the tag !!seq cannot be used on a mapping"),
        ("!!str [1]", "error: line 1, column 1: the tag !!str cannot be used on a sequence"),
        ("!!set {a: 1}", "error: line 1, column 1: unsupported tag '!!set' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"),
        ("!custom\n- 1", "error: line 1, column 1: unsupported tag '!custom' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"),
        ("!!int ''", "error: line 1, column 1: '' is not a valid !!int"),
        ("!!int '+'", "error: line 1, column 1: '+' is not a valid !!int"),
        ("!!float ''", "error: line 1, column 1: '' is not a valid !!float"),
        ("!!bool ''", "error: line 1, column 1: '' is not a valid !!bool"),
        ("!!foo 1: a", "error: line 1, column 1: unsupported tag '!!foo' (supported: !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"),
    ]

    @Test(arguments: tagErrors)
    func refusesTag(yaml: String, expected: String) {
        #expect(outcome(yaml) == expected)
    }
}
