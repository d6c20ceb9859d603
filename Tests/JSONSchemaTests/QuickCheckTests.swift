import JSONSchema
import Testing

/// The quick "certainly passes" check must never pass what the full evaluator rejects, and what it
/// cannot decide must still be reported exactly: values equal to a bound, keys that are canonically
/// equivalent but not equal, patterns that get an automaton part-way through a run.
struct QuickCheckTests {
    static func violations(_ schema: String, _ instance: String, formats: Bool = false) throws -> [String] {
        let compiled = try CompiledSchema(try JSONParser.parse(schema), options: ValidationOptions(assertFormats: formats))
        let document = try JSONParser.parse(instance)
        let result = compiled.validate(document)
        #expect(result.isValid == result.violations.isEmpty)
        #expect(compiled.isValid(document) == result.isValid)
        return result.violations.map { "\($0.instanceLocation) \($0.keyword): \($0.message)" }
    }

    @Test(arguments: [
        ("1", true), ("1.0", true), ("1.00000000000000000001", false), ("0.99999999999999999999", true),
        ("0", true), ("-0.0", true), ("-1e-30", false),
    ])
    func valueEqualToABoundAsADoubleIsComparedExactly(value: String, valid: Bool) throws {
        let schema = #"{"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1}}"#
        let found = try Self.violations(schema, "[0.5, \(value)]")
        #expect(found.isEmpty == valid, "\(value): \(found)")
    }

    @Test func integerEqualToAFractionalBoundAsADoubleIsComparedExactly() throws {
        let schema = #"{"type": "array", "items": {"exclusiveMaximum": 9007199254740993.5}}"#
        #expect(try Self.violations(schema, "[9007199254740993]").isEmpty)
        #expect(try Self.violations(schema, "[9007199254740994]") == ["/0 exclusiveMaximum: must be < 9007199254740993.5, found 9007199254740994"])
    }

    @Test func canonicallyEquivalentKeyIsNotTheDeclaredProperty() throws {
        let schema = #"{"type": "object", "properties": {"caf\u00e9": {"type": "string"}}, "additionalProperties": false}"#
        #expect(try Self.violations(schema, #"{"caf\u00e9": "x"}"#).isEmpty)
        #expect(try Self.violations(schema, #"{"cafe\u0301": "x"}"#) == ["/cafe\u{301} additionalProperties: unknown key 'cafe\u{301}'"])
    }

    @Test func requiredKeyMustBeTheSameCodePoints() throws {
        let schema = #"{"required": ["\u212a"]}"#
        #expect(try Self.violations(schema, #"{"\u212a": 1}"#).isEmpty)
        #expect(try Self.violations(schema, #"{"K": 1}"#) == [" required: missing required key '\u{212A}'"])
    }

    @Test func patternCheckedManyTimesGivesTheSameAnswersAfterItsAutomatonIsBuilt() throws {
        let schema = #"{"type": "array", "items": {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,62}$"}}"#
        var items = (0..<600).map { "\"name-\($0)\"" }
        items[10] = "\"Bad\""
        items[590] = "\"x\""
        items[595] = "\"ñame\""
        let found = try Self.violations(schema, "[\(items.joined(separator: ","))]")
        #expect(found == [
            "/10 pattern: must match pattern ^[a-z][a-z0-9-]{1,62}$",
            "/590 pattern: must match pattern ^[a-z][a-z0-9-]{1,62}$",
            "/595 pattern: must match pattern ^[a-z][a-z0-9-]{1,62}$",
        ])
        #expect(try Self.violations(schema, "[\((0..<600).map { "\"n\($0)\"" }.joined(separator: ","))]").isEmpty)
    }

    @Test func enumStringsMatchWhetherSmallOrLarge() throws {
        let long = "a-string-longer-than-fifteen-bytes"
        let schema = #"{"type": "array", "items": {"enum": ["GET", "\#(long)", "caf\u00e9"]}}"#
        #expect(try Self.violations(schema, #"["GET", "\#(long)", "caf\u00e9"]"#).isEmpty)
        #expect(try Self.violations(schema, #"["get", "\#(long)x", "cafe\u0301"]"#).count == 3)
    }

    @Test func uniqueItemsTellsEqualNumbersOfDifferentSpelling() throws {
        let schema = #"{"type": "array", "items": {"type": "array", "uniqueItems": true}}"#
        #expect(try Self.violations(schema, #"[[1, 2, "1", [1], {"a": 1}, {"a": 2}]]"#).isEmpty)
        #expect(try Self.violations(schema, #"[[1, 2, 1.0]]"#) == ["/0 uniqueItems: must not contain duplicates: items 0 and 2 are equal"])
        #expect(try Self.violations(schema, #"[[{"a": 1, "b": 2}, {"b": 2, "a": 1}]]"#).count == 1)
    }

    @Test func structuralKeywordsAreCheckedBelowReferences() throws {
        let schema = #"""
        {"$defs": {"item": {"type": "object", "required": ["id"], "minProperties": 1, "maxProperties": 2,
                            "propertyNames": {"maxLength": 3},
                            "patternProperties": {"^x": {"type": "integer"}}}},
         "type": "array", "minItems": 1, "maxItems": 3, "prefixItems": [{"const": "head"}],
         "items": {"allOf": [{"$ref": "#/$defs/item"}], "anyOf": [{"required": ["a"]}, {"required": ["b"]}]}}
        """#
        #expect(try Self.violations(schema, #"["head", {"id": 1, "a": 1}, {"id": 2, "b": 2}]"#).isEmpty)
        #expect(try Self.violations(schema, #"["head", {"id": 1, "xa": "s"}]"#) == [
            "/1 anyOf: must match at least one of the 2 schemas in anyOf", "/1/xa type: must be an integer, found \"s\"",
        ])
        #expect(try Self.violations(schema, #"["head", {"id": 1, "long": 1}]"#) == [
            "/1 anyOf: must match at least one of the 2 schemas in anyOf", "/1/long maxLength: must be at most 3 characters long, found 4",
        ])
        #expect(try Self.violations(schema, #"["tail", {"id": 1, "a": 1}]"#) == [#"/0 const: must be "head", found "tail""#])
        #expect(try Self.violations(schema, #"["head", {"a": 1}, {"b": 1}, {"id": 3, "a": 1}]"#) == [
            " maxItems: must have at most 3 items, found 4", "/1 required: missing required key 'id'", "/2 required: missing required key 'id'",
        ])
    }
}
