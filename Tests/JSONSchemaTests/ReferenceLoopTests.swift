import JSONSchema
import Testing

/// A schema that evaluates itself again at the same instance location is stopped there (reported
/// as `referenceLoop`), at once, however many times it refers to itself.
struct ReferenceLoopTests {
    static let loops = [
        ##"{"allOf": [{"$ref": "#"}, {"$ref": "#"}]}"##,
        ##"{"allOf": [{"$ref": "#"}, {"$ref": "#"}, {"$ref": "#"}, {"$ref": "#"}]}"##,
        ##"{"anyOf": [{"$ref": "#"}, {"$ref": "#"}]}"##,
        ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##,
        ##"{"properties": {"x": {"allOf": [{"$ref": "#/properties/x"}, {"$ref": "#/properties/x"}]}}}"##,
        ##"{"not": {"allOf": [{"$ref": "#"}, {"$ref": "#"}]}}"##,
    ]

    @Test(arguments: loops)
    func loopIsReportedAtOnce(schema: String) throws {
        let compiled = try CompiledSchema(try JSONParser.parse(schema))
        let instances = schema.contains("properties") ? [#"{"x": 1}"#] : ["1", #"{"x": 1}"#, "[1, 2]", "null"]
        for instance in instances {
            let result = compiled.validate(try JSONParser.parse(instance))
            #expect(result.referenceLoop != nil, "\(schema) on \(instance)")
            #expect(result.referenceLoop?.keyword == "$ref")
            _ = compiled.isValid(try JSONParser.parse(instance))
        }
    }

    @Test func loopMessageAndLocation() throws {
        let compiled = try CompiledSchema(try JSONParser.parse(##"{"properties": {"x": {"allOf": [{"$ref": "#/properties/x"}]}}}"##))
        let result = compiled.validate(try JSONParser.parse(#"{"x": 1}"#))
        let loop = try #require(result.referenceLoop)
        #expect(loop.instanceLocation.description == "/x")
        #expect(loop.message.contains("infinite recursion"))
        #expect(!result.isValid)
    }

    /// Recursion that moves into the value is not a loop, and neither is evaluating the same schema
    /// twice at one place through two different, non-nested paths.
    @Test func recursionIntoTheValueIsNotALoop() throws {
        let tree = try CompiledSchema(try JSONParser.parse(##"{"type": "array", "items": {"allOf": [{"$ref": "#"}, {"$ref": "#"}]}}"##))
        let result = tree.validate(try JSONParser.parse("[[[], [[]]], []]"))
        #expect(result.isValid)
        #expect(result.referenceLoop == nil)
        let twice = try CompiledSchema(try JSONParser.parse(
            ##"{"$defs": {"int": {"type": "integer"}}, "allOf": [{"properties": {"foo": {"$ref": "#/$defs/int"}}}, {"additionalProperties": {"$ref": "#/$defs/int"}}]}"##))
        #expect(twice.validate(try JSONParser.parse(#"{"foo": 1}"#)).referenceLoop == nil)
        #expect(!twice.isValid(try JSONParser.parse(#"{"foo": "a"}"#)))
    }
}
