import JSONSchema
import Testing

/// The shape and wording of violations: pointers, keywords, messages, source locations, order.
struct ValidationReportTests {
    static let schemaText = #"""
    {
      "$id": "https://example.com/config.json",
      "type": "object",
      "additionalProperties": false,
      "required": ["global", "script-behavior"],
      "properties": {
        "global": {
          "type": "object",
          "required": ["client-id"],
          "properties": {
            "client-id": {"type": "string"},
            "api-base-url": {"type": "string", "format": "uri"},
            "mode": {"enum": ["a", "b"]}
          }
        },
        "script-behavior": {"$ref": "#/$defs/behavior"}
      },
      "$defs": {
        "behavior": {
          "type": "object",
          "properties": {
            "rate-limiting": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "burst-size": {"type": "integer", "minimum": 1},
                "calls-per-second": {"type": "number", "multipleOf": 0.01, "exclusiveMaximum": 100},
                "name": {"type": "string", "pattern": "^[a-z]+$", "minLength": 2}
              }
            }
          }
        }
      }
    }
    """#

    static func violations(_ instance: String, assertFormats: Bool = false) throws -> [Violation] {
        let schema = try CompiledSchema(try JSONParser.parse(schemaText), options: ValidationOptions(assertFormats: assertFormats))
        let result = schema.validate(try JSONParser.parse(instance, source: 3))
        #expect(result.isValid == result.violations.isEmpty)
        return result.violations
    }

    @Test func reportsEveryViolationSortedBySourceLocation() throws {
        let found = try Self.violations(#"""
        {
          "global": {"api-base-url": "not a url", "mode": "c"},
          "script-behavior": {
            "rate-limiting": {"burts-size": 3, "burst-size": 1.5, "calls-per-second": 1.005, "name": "A", "extra": 1}
          },
          "colour": "red"
        }
        """#, assertFormats: true)
        let rendered = found.map { "\($0.sourceLocation.line):\($0.sourceLocation.column) \($0.instanceLocation) [\($0.keyword)] \($0.message)" }
        #expect(rendered == [
            "2:13 /global [required] missing required key 'client-id'",
            #"2:30 /global/api-base-url [format] must be a valid uri, found "not a url""#,
            #"2:51 /global/mode [enum] must be one of "a", "b", found "c""#,
            "4:23 /script-behavior/rate-limiting/burts-size [additionalProperties] unknown key 'burts-size' (did you mean 'burst-size'?)",
            "4:54 /script-behavior/rate-limiting/burst-size [type] must be an integer, found 1.5",
            "4:79 /script-behavior/rate-limiting/calls-per-second [multipleOf] must be a multiple of 0.01, found 1.005",
            "4:94 /script-behavior/rate-limiting/name [minLength] must be at least 2 characters long, found 1",
            "4:94 /script-behavior/rate-limiting/name [pattern] must match pattern ^[a-z]+$",
            "4:99 /script-behavior/rate-limiting/extra [additionalProperties] unknown key 'extra'",
            "6:3 /colour [additionalProperties] unknown key 'colour'",
        ])
    }

    @Test func keywordLocationFollowsReferencesAndAbsoluteLocationNamesTheResource() throws {
        let found = try Self.violations(#"{"global": {"client-id": "x"}, "script-behavior": {"rate-limiting": {"burst-size": 0}}}"#)
        #expect(found.count == 1)
        #expect(found.first?.keywordLocation.description == "/properties/script-behavior/$ref/properties/rate-limiting/properties/burst-size/minimum")
        #expect(found.first?.absoluteKeywordLocation == "https://example.com/config.json#/$defs/behavior/properties/rate-limiting/properties/burst-size/minimum")
        #expect(found.first?.message == "must be ≥ 1, found 0")
    }

    static let messages: [(schema: String, instance: String, message: String)] = [
        (#"{"type": ["string", "null"]}"#, "12", "must be a string or null, found 12"),
        (#"{"type": "object"}"#, "[1]", "must be an object, found an array"),
        (#"{"const": "x"}"#, #""y""#, #"must be "x", found "y""#),
        (#"{"maximum": 10}"#, "10.5", "must be ≤ 10, found 10.5"),
        (#"{"exclusiveMinimum": 0}"#, "0", "must be > 0, found 0"),
        (#"{"maxLength": 2}"#, #""abc""#, "must be at most 2 characters long, found 3"),
        (#"{"minItems": 1}"#, "[]", "must have at least 1 item, found 0"),
        (#"{"maxProperties": 1}"#, #"{"a": 1, "b": 2}"#, "must have at most 1 key, found 2"),
        (#"{"uniqueItems": true}"#, "[1, 2, 1.0]", "must not contain duplicates: items 0 and 2 are equal"),
        (#"{"contains": {"type": "string"}}"#, "[1]", "must contain at least 1 matching item, found 0"),
        (#"{"anyOf": [{"type": "string"}, {"type": "boolean"}]}"#, "1", "must match at least one of the 2 schemas in anyOf"),
        (#"{"oneOf": [{"minimum": 0}, {"maximum": 9}]}"#, "5", "must match exactly one of the 2 schemas in oneOf, matched schemas 0 and 1"),
        (#"{"not": {"type": "integer"}}"#, "5", "must not match the schema in 'not'"),
        (#"{"dependentRequired": {"a": ["b"]}}"#, #"{"a": 1}"#, "missing key 'b', required when 'a' is present"),
        (#"{"unevaluatedProperties": false}"#, #"{"a": 1}"#, "unknown key 'a'"),
        ("false", "1", "no value is allowed here"),
        (#"{"maximum": 18446744073709551615}"#, "18446744073709551616", "must be ≤ 18446744073709551615, found 18446744073709551616"),
    ]

    @Test(arguments: messages)
    func messageIsShortAndSpecific(schema: String, instance: String, message: String) throws {
        let compiled = try CompiledSchema(try JSONParser.parse(schema))
        let result = compiled.validate(try JSONParser.parse(instance))
        #expect(result.violations.map(\.message) == [message])
        #expect(compiled.isValid(try JSONParser.parse(instance)) == false)
    }

    @Test func exactDecimalKeywordsHandleFractionsAndBigIntegers() throws {
        let money = try CompiledSchema(try JSONParser.parse(#"{"multipleOf": 0.01}"#))
        #expect(money.isValid(try JSONParser.parse("19.99")))
        #expect(money.isValid(try JSONParser.parse("1e300")))
        #expect(!money.isValid(try JSONParser.parse("0.001")))
        let big = try CompiledSchema(try JSONParser.parse(#"{"type": "integer", "minimum": 9007199254740993}"#))
        #expect(!big.isValid(try JSONParser.parse("9007199254740992")))
        #expect(big.isValid(try JSONParser.parse("9007199254740993")))
        #expect(big.isValid(try JSONParser.parse("1e400")))
    }

    @Test func compiledSchemaValidatesConcurrently() async throws {
        let schema = try CompiledSchema(try JSONParser.parse(#"{"items": {"type": "integer"}}"#))
        let good = try JSONParser.parse("[1, 2, 3]")
        let bad = try JSONParser.parse(#"[1, "x"]"#)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for round in 0..<16 { group.addTask { schema.isValid(round.isMultiple(of: 2) ? good : bad) } }
            var results: [Bool] = []
            for await outcome in group { results.append(outcome) }
            return results
        }
        #expect(outcomes.filter { $0 }.count == 8)
    }
}

extension ValidationReportTests {
    @Test func failedAlternativesExplainTheOnlyBranchOfTheRightType() throws {
        let schema = try CompiledSchema(try JSONParser.parse(#"{"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 1}]}"#))
        #expect(schema.validate(try JSONParser.parse("0")).violations.map(\.message) == ["must be ≥ 1, found 0"])
        #expect(schema.validate(try JSONParser.parse(#""x""#)).violations.map(\.message) == ["must match at least one of the 2 schemas in anyOf"])
    }
}
