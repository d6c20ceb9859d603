import JSONSchema
import Testing

/// The `pattern` keyword answers like V8 on the differential corpus: the assertion plans of child
/// schemas (here `items`) answer ASCII text with a deterministic automaton where the pattern allows
/// one, so this checks that path (and the backtracker it falls back to) against the same rows as
/// ``ECMARegexV8DifferentialTests``.
@Suite("pattern keyword agrees with V8")
struct PatternKeywordV8Tests {
    @Test func patternAnswersAgreeWithV8() throws {
        var disagreements: [String] = []
        var schemas: [String: CompiledSchema] = [:]
        for row in ECMARegexV8DifferentialTests.matchRows {
            let schema = try schemas[row.pattern] ?? CompiledSchema(
                JSONParser.parse("{\"items\": {\"pattern\": " + JSONStringLiteral.quoted(row.pattern) + "}}"))
            schemas[row.pattern] = schema
            let valid = schema.validate(JSONNode(.array([JSONNode(.string(row.input))]))).isValid
            if valid != (row.expected != nil) { disagreements.append("/\(row.pattern)/ on \(row.input.debugDescription)") }
        }
        #expect(disagreements == [])
        #expect(schemas.count > 100)
    }
}
