/// A keyword with the name it had in the schema (a class: passing one around is a single retain).
final class CompiledKeyword: Sendable {
    let name: String
    let kind: Keyword

    init(name: String, kind: Keyword) {
        self.name = name
        self.kind = kind
    }
}

extension Keyword {
    /// Whether the keyword checks the value itself without applying subschemas.
    var isAssertion: Bool {
        switch self {
        case .type, .const, .enumeration, .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf,
             .minLength, .maxLength, .pattern, .format, .content, .minItems, .maxItems, .uniqueItems,
             .minProperties, .maxProperties, .required, .dependentRequired:
            true
        default:
            false
        }
    }
}

/// What a keyword checks or applies.
enum Keyword: Sendable {
    case type(TypeMask)
    case const(JSONValue)
    /// `enum`; `strings` lists the values when all are strings (`set` too when there are many).
    case enumeration([JSONValue], strings: [String]?, set: Set<String>?)
    case minimum(JSONValue), maximum(JSONValue), exclusiveMinimum(JSONValue), exclusiveMaximum(JSONValue)
    case multipleOf(JSONValue)
    case minLength(Int), maxLength(Int)
    case pattern(ECMARegex, String)
    case format(String)
    /// Draft-07 `contentEncoding` (base64) / `contentMediaType` (application/json), asserted.
    case content(encoding: String?, mediaType: String?)
    case minItems(Int), maxItems(Int), uniqueItems
    case minProperties(Int), maxProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])])
    case properties(PropertyTable)
    case patternProperties([(ECMARegex, Int)])
    /// `additionalProperties` with the names and patterns of its siblings.
    case additionalProperties(Int, names: PropertyTable, patterns: [ECMARegex])
    case propertyNames(Int)
    case dependentSchemas([(String, Int)])
    case prefixItems([Int])
    /// `items` (2020-12) or `additionalItems` (draft-07): applies to elements after the first `from`.
    case items(Int, from: Int)
    case contains(Int, min: Int, max: Int?)
    case allOf([Int]), anyOf([Int]), oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case ref(Int)
    /// `$dynamicRef`: the static target, and the anchor name to look up in the dynamic scope (nil: static).
    case dynamicRef(Int, anchor: String?)
    case unevaluatedProperties(Int)
    /// `properties` (≤ 64), `patternProperties`, `additionalProperties` and `required` in one pass.
    case objectShape(ObjectShape)
    case unevaluatedItems(Int)
}
