/// A not-yet-compiled subschema together with the context it must be read in.
struct RawSchema {
    var node: JSONNode
    /// The base URI of the enclosing schema resource (no fragment).
    var base: String
    var dialect: Dialect
    var vocabularies: Vocabularies
    var documentPointer: [String]
    var resourcePointer: [String]

    /// The key that identifies this subschema for memoisation.
    var key: String { base + "#" + JSONPointer(resourcePointer).description }
}

/// The 2020-12 vocabularies a schema uses (draft-07 uses all but format assertion).
struct Vocabularies: OptionSet, Sendable {
    let rawValue: UInt16
    static let core = Vocabularies(rawValue: 1)
    static let applicator = Vocabularies(rawValue: 2)
    static let unevaluated = Vocabularies(rawValue: 4)
    static let validation = Vocabularies(rawValue: 8)
    static let metaData = Vocabularies(rawValue: 16)
    static let formatAnnotation = Vocabularies(rawValue: 32)
    static let formatAssertion = Vocabularies(rawValue: 64)
    static let content = Vocabularies(rawValue: 128)
    /// Draft 2019-09 array keywords (`items` as an array, `additionalItems`) instead of `prefixItems`.
    static let legacyItems = Vocabularies(rawValue: 256)

    static let standard: Vocabularies = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]

    static let byURI: [String: Vocabularies] = [
        "https://json-schema.org/draft/2020-12/vocab/core": .core,
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content": .content,
    ]
}
