import JSONSchema
import Testing

/// `integer` and `multipleOf` are decided on the number's decimal text where a `Double` under- or
/// overflows; `multipleOf` may be any positive number, however small.
struct DecimalNumberTests {
    static let cases: [(schema: String, instance: String, valid: Bool)] = [
        (#"{"type": "integer"}"#, "1.5e-400", false),
        (#"{"type": "integer"}"#, "-1.5e-400", false),
        (#"{"type": "integer"}"#, "0.0", true),
        (#"{"type": "integer"}"#, "0e-400", true),
        (#"{"type": "integer"}"#, "1e400", true),
        (#"{"type": "integer"}"#, "1.5e400", true),
        (#"{"type": "integer"}"#, "1.0000000000000000000001", false),
        (#"{"type": "integer"}"#, "123456789012345678901234567890.5", false),
        (#"{"type": "integer"}"#, "1.0", true),
        (#"{"type": "integer"}"#, "2.5", false),
        (#"{"type": "integer", "minimum": 0}"#, "1.5e-400", false),
        (#"{"multipleOf": 0.0001}"#, "1e999999999", true),
        (#"{"multipleOf": 0.0001}"#, "1e99999999999999999999999", true),
        (#"{"multipleOf": 3}"#, "1e999999999", false),
        (#"{"multipleOf": 7}"#, "7e999999999", true),
        (#"{"multipleOf": 0.0001}"#, "1.00005", false),
        (#"{"multipleOf": 0.0001}"#, "1.0005", true),
        (#"{"multipleOf": 1e-400}"#, "1", true),
        (#"{"multipleOf": 1e-400}"#, "3e-400", true),
        (#"{"multipleOf": 1e-400}"#, "1e-401", false),
        (#"{"multipleOf": 2e-400}"#, "3e-400", false),
        (#"{"multipleOf": 0.1}"#, "0.3", true),
        (#"{"multipleOf": 0.01}"#, "19.99", true),
        (#"{"multipleOf": 2}"#, "4.0", true),
    ]

    @Test(arguments: cases)
    func decidedOnTheDecimalText(schema: String, instance: String, valid: Bool) throws {
        let compiled = try CompiledSchema(try JSONParser.parse(schema))
        let value = try JSONParser.parse(instance)
        #expect(compiled.validate(value).isValid == valid)
        #expect(compiled.isValid(value) == valid)
    }

    @Test(arguments: ["0", "-1", "-1e-400", "0e-400"])
    func multipleOfMustBePositive(divisor: String) {
        #expect(throws: SchemaError.self) { try CompiledSchema(try JSONParser.parse(#"{"multipleOf": \#(divisor)}"#)) }
    }

    @Test func tinyMultipleOfCompiles() throws {
        _ = try CompiledSchema(try JSONParser.parse(#"{"multipleOf": 1e-400}"#))
    }
}
