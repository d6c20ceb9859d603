import JSONSchema
import Testing

/// `applyingDefaults(to:location:)` and `declaredTypes(at:)`.
struct SchemaDefaultsTests {
    static let schema = #"""
    {
      "type": "object",
      "properties": {
        "global": {"type": "object", "properties": {"api-version": {"type": "string", "default": "v2"}}},
        "script-behavior": {"$ref": "#/$defs/behavior", "default": {}}
      },
      "$defs": {
        "behavior": {
          "type": "object",
          "allOf": [{"properties": {"retry-strategy": {"$ref": "#/$defs/retry"}}}],
          "properties": {
            "rate-limiting": {
              "type": "object",
              "default": {"enabled": false},
              "properties": {
                "enabled": {"type": "boolean"},
                "calls-per-second": {"type": ["number", "null"], "default": 10}
              }
            }
          }
        },
        "retry": {"type": "object", "default": {}, "properties": {"max-retries": {"type": "integer", "default": 3}}}
      }
    }
    """#

    @Test func fillsMissingDefaultsRecursivelyThroughRefAndAllOf() throws {
        let compiled = try CompiledSchema(try JSONParser.parse(Self.schema))
        let marker = SourceLocation(source: 9, line: 0, column: 0)
        let instance = try JSONParser.parse(#"{"global": {"api-version": "v1"}}"#, source: 1)
        let (filled, pointers) = compiled.applyingDefaults(to: instance, location: marker)
        #expect(pointers.map(\.description) == [
            "/script-behavior",
            "/script-behavior/rate-limiting",
            "/script-behavior/retry-strategy",
            "/script-behavior/rate-limiting/calls-per-second",
            "/script-behavior/retry-strategy/max-retries",
        ])
        #expect(filled.node(at: ["global", "api-version"])?.value.stringValue == "v1")
        let enabled = filled.node(at: ["script-behavior", "rate-limiting", "enabled"])
        guard case .bool(false)? = enabled?.value else {
            Issue.record("expected enabled = false")
            return
        }
        #expect(enabled?.location == marker)
        guard case .integer(3)? = filled.node(at: ["script-behavior", "retry-strategy", "max-retries"])?.value else {
            Issue.record("expected max-retries = 3")
            return
        }
        #expect(compiled.isValid(filled))
    }

    static let types: [([String], Set<String>)] = [
        (["global", "api-version"], ["string"]),
        (["script-behavior", "rate-limiting", "enabled"], ["boolean"]),
        (["script-behavior", "rate-limiting", "calls-per-second"], ["number", "null"]),
        (["script-behavior", "retry-strategy", "max-retries"], ["integer"]),
        (["script-behavior", "nope"], []),
        ([], ["object"]),
    ]

    @Test(arguments: types)
    func declaredTypesFollowPropertiesRefsAndAllOf(path: [String], expected: Set<String>) throws {
        let compiled = try CompiledSchema(try JSONParser.parse(Self.schema))
        #expect(compiled.declaredTypes(at: path) == expected)
    }

    @Test func pointerEscapingRoundTrips() {
        let pointer = JSONPointer(["a/b", "c~d", ""])
        #expect(pointer.description == "/a~1b/c~0d/")
        #expect(JSONPointer(parsing: pointer.description) == pointer)
        #expect(JSONPointer(parsing: "no-slash") == nil)
    }
}
