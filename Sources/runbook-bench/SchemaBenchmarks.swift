import Foundation
import JSONSchema

/// JSON parsing and JSON Schema validation over the 23 MB configuration corpus.
let schemaBenchmarks: [Benchmark] = [
    Benchmark("json.parse.23MB", target: "≤ 230 ms") {
        let bytes = try SchemaCorpus.bytes("org-config-50000.json")
        return { _ = try JSONParser.parse(bytes) }
    },
    Benchmark("schema.compile", target: "≤ 1 ms", iterations: 50) {
        let schema = try SchemaCorpus.schemaNode()
        return { _ = try CompiledSchema(schema) }
    },
    Benchmark("schema.validate.23MB", target: "≤ 46 ms") {
        let schema = try CompiledSchema(try SchemaCorpus.schemaNode())
        let document = try JSONParser.parse(try SchemaCorpus.bytes("org-config-50000.json"))
        return { guard schema.validate(document).isValid else { throw SchemaCorpus.Failure.unexpected("invalid") } }
    },
    Benchmark("schema.validate.23MB.formats", target: "≤ 57 ms") {
        let schema = try CompiledSchema(try SchemaCorpus.schemaNode(), options: ValidationOptions(assertFormats: true))
        let document = try JSONParser.parse(try SchemaCorpus.bytes("org-config-50000.json"))
        return { guard schema.validate(document).isValid else { throw SchemaCorpus.Failure.unexpected("invalid") } }
    },
    Benchmark("schema.validate.23MB.invalid-24", target: "≤ 2× valid") {
        let schema = try CompiledSchema(try SchemaCorpus.schemaNode(), options: ValidationOptions(assertFormats: true))
        let document = try JSONParser.parse(try SchemaCorpus.bytes("org-config-50000-invalid.json"))
        return {
            let count = schema.validate(document).violations.count
            guard count == 24 else { throw SchemaCorpus.Failure.unexpected("\(count) violations, expected 24") }
        }
    },
]

/// Reads the corpus files.
enum SchemaCorpus {
    enum Failure: Error { case unexpected(String) }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try BenchmarkInputs.configCorpus().appendingPathComponent(name)))
    }

    static func schemaNode() throws -> JSONNode {
        try JSONParser.parse(try bytes("org-config.schema.json"))
    }
}
