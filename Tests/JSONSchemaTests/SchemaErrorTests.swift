import JSONSchema
import Testing

/// Invalid schemas and hostile inputs: clear errors with locations, never a crash or a hang.
struct SchemaErrorTests {
    static let invalid: [(schema: String, message: String, pointer: String, line: UInt32, column: UInt32)] = [
        (#"{"type": 12}"#, "'type' must be a type name or an array of type names, found 12", "/type", 1, 10),
        (#"{"type": "strin"}"#, #"'type' must be a type name or an array of type names, found "strin""#, "/type", 1, 10),
        ("{\n  \"properties\": {\"a\": {\"minimum\": \"x\"}}}", #"'minimum' must be a number, found "x""#, "/properties/a/minimum", 2, 35),
        (#"{"minLength": -1}"#, "'minLength' must be a non-negative integer, found -1", "/minLength", 1, 15),
        (#"{"required": "a"}"#, #"'required' must be an array of strings, found "a""#, "/required", 1, 14),
        (#"{"multipleOf": 0}"#, "'multipleOf' must be a number greater than 0, found 0", "/multipleOf", 1, 16),
        (#"{"allOf": []}"#, "'allOf' must be a non-empty array of schemas, found an empty array", "/allOf", 1, 11),
        (#"{"not": 3}"#, "'not' must be a schema (object or boolean), found 3", "/not", 1, 9),
        (##"{"items": {"$ref": "#/$defs/missing"}}"##, "cannot resolve $ref '#/$defs/missing'", "/items/$ref", 1, 20),
        (#"{"$ref": "https://nowhere.example/s.json"}"#, "cannot resolve $ref 'https://nowhere.example/s.json'", "/$ref", 1, 10),
        ("12", "a schema must be an object or a boolean, found integer", "", 1, 1),
    ]

    @Test(arguments: invalid)
    func invalidSchemaIsLocated(schema: String, message: String, pointer: String, line: UInt32, column: UInt32) throws {
        let node = try JSONParser.parse(schema, source: 5)
        do {
            _ = try CompiledSchema(node)
            Issue.record("expected a SchemaError")
        } catch {
            #expect(error.message == message)
            #expect(error.schemaPointer.description == pointer)
            #expect(error.location == SourceLocation(source: 5, line: line, column: column))
        }
    }

    @Test func invalidPatternIsAnError() throws {
        #expect(throws: SchemaError.self) { try CompiledSchema(try JSONParser.parse(#"{"pattern": "(unclosed"}"#)) }
    }

    @Test func referenceCyclesTerminate() throws {
        let loop = try CompiledSchema(try JSONParser.parse(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##))
        let result = loop.validate(try JSONParser.parse("1"))
        #expect(!result.isValid)
        #expect(result.referenceLoop != nil)
        #expect(result.violations.first?.message.contains("infinite recursion") == true)
        let recursive = try CompiledSchema(try JSONParser.parse(##"{"type": "array", "items": {"$ref": "#"}}"##))
        #expect(recursive.isValid(try JSONParser.parse("[[[]], []]")))
    }

    @Test func deeplyNestedInstanceGivesAnErrorNotACrash() throws {
        let depth = 1000
        let deep = try JSONParser.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let schema = try CompiledSchema(try JSONParser.parse(##"{"items": {"$ref": "#"}}"##))
        let result = schema.validate(deep)
        #expect(!result.isValid)
        #expect(result.violations.map(\.keyword) == ["$ref"])
    }

    @Test func deeplyNestedSchemaCompiles() throws {
        let depth = 500
        let text = String(repeating: #"{"items": "#, count: depth) + "true" + String(repeating: "}", count: depth)
        let schema = try CompiledSchema(try JSONParser.parse(text))
        #expect(schema.isValid(try JSONParser.parse("[[1]]")))
    }

    @Test func registryServesAddedSchemas() throws {
        var registry = SchemaRegistry()
        try registry.add(try JSONParser.parse(#"{"$defs": {"id": {"type": "string"}}}"#), uri: "https://example.com/common.json")
        let schema = try CompiledSchema(try JSONParser.parse(#"{"$ref": "https://example.com/common.json#/$defs/id"}"#), registry: registry)
        #expect(schema.isValid(try JSONParser.parse(#""x""#)))
        #expect(!schema.isValid(try JSONParser.parse("1")))
    }

    @Test func draft7IsChosenBySchemaKeyword() throws {
        let schema = try CompiledSchema(try JSONParser.parse(
            #"{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "string"}], "additionalItems": false}"#))
        #expect(schema.isValid(try JSONParser.parse(#"["a"]"#)))
        #expect(!schema.isValid(try JSONParser.parse(#"["a", 1]"#)))
    }

    @Test func metaSchemaValidatesSchemas() throws {
        let meta = try CompiledSchema(try JSONParser.parse(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#))
        #expect(meta.isValid(try JSONParser.parse(#"{"type": "string", "minLength": 1}"#)))
        let result = meta.validate(try JSONParser.parse(#"{"type": 12}"#))
        #expect(!result.isValid)
    }
}

extension SchemaErrorTests {
    @Test func absurdlyDeepSchemaIsRejectedWithAnError() throws {
        let depth = 1200
        let text = String(repeating: #"{"not": "#, count: depth) + "true" + String(repeating: "}", count: depth)
        let node = try JSONParser.parse(text, maxDepth: 5000)
        #expect(throws: SchemaError.self) { try CompiledSchema(node) }
    }
}
