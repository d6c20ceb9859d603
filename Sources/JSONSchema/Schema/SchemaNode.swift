/// One compiled (sub)schema: its keywords in evaluation order, with every subschema and resolved
/// reference given as an index into `CompiledSchema.nodes`.
struct SchemaNode: Sendable {
    /// `true`/`false` for boolean schemas; nil for object schemas.
    var boolean: Bool?
    /// The keywords, applicators after assertions, `unevaluated*` last.
    var keywords: [CompiledKeyword] = []
    /// Whether this node has `unevaluatedProperties`/`unevaluatedItems` (needs annotations).
    var collectsAnnotations = false
    /// The schema resource (interned base URI) this node belongs to.
    var resource: Int32 = 0
    /// The node's pointer inside its document (for evaluation paths).
    var documentPointer: [String] = []
    /// The node's pointer inside its resource (for absolute keyword locations).
    var resourcePointer: [String] = []
    /// Where the node is in its source.
    var location: SourceLocation = .unknown
    /// The declared `default` value, if any.
    var defaultValue: JSONNode?
}

/// A keyword with the name it had in the schema (a class: passing one around is a single retain).
final class CompiledKeyword: Sendable {
    let name: String
    let kind: Keyword

    init(name: String, kind: Keyword) {
        self.name = name
        self.kind = kind
    }
}

/// The JSON types as bits, for the `type` keyword.
struct TypeMask: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeMask(rawValue: 1)
    static let boolean = TypeMask(rawValue: 2)
    static let integer = TypeMask(rawValue: 4)
    static let number = TypeMask(rawValue: 8)
    static let string = TypeMask(rawValue: 16)
    static let array = TypeMask(rawValue: 32)
    static let object = TypeMask(rawValue: 64)

    static let names: [(String, TypeMask)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]

    /// Whether a value has one of these types (`number` includes integers; integral numbers are integers).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .integer: !isDisjoint(with: [.integer, .number])
        case .number(let number):
            contains(.number) || (contains(.integer) && (number.isIntegral || (!number.double.isFinite && ExactDecimal(literal: number.literal).isIntegral)))
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        }
    }
}

/// The properties a node names, for fast member lookup.
struct PropertyTable: Sendable {
    let names: [String]
    let nodes: [Int]
    let index: [String: Int]?

    init(_ entries: [(String, Int)]) {
        names = entries.map(\.0)
        nodes = entries.map(\.1)
        index = entries.count > 16 ? Dictionary(entries.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a }) : nil
    }

    /// The subschema for a key, or nil.
    @inline(__always)
    func node(for key: String) -> Int? {
        slot(for: key).map { nodes[$0] }
    }

    /// The position of a key in the table, or nil.
    @inline(__always)
    func slot(for key: String) -> Int? {
        if let index { return index[key] }
        for offset in names.indices where names[offset] == key { return offset }
        return nil
    }
}

/// What a keyword checks or applies.
enum Keyword: Sendable {
    case type(TypeMask)
    case const(JSONValue)
    case enumeration([JSONValue], strings: Set<String>?)
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

/// The object keywords of one schema combined, so that an instance object is walked once.
final class ObjectShape: Sendable {
    let table: PropertyTable
    let patterns: [(ECMARegex, Int)]
    let additional: Int?
    /// Required names with their slot in `table` (-1 when not a declared property).
    let required: [(String, Int)]
    /// Bits of the required slots.
    let requiredMask: UInt64
    let hasUnslottedRequired: Bool

    init(table: PropertyTable, patterns: [(ECMARegex, Int)], additional: Int?, required: [(String, Int)],
         requiredMask: UInt64, hasUnslottedRequired: Bool) {
        self.table = table
        self.patterns = patterns
        self.additional = additional
        self.required = required
        self.requiredMask = requiredMask
        self.hasUnslottedRequired = hasUnslottedRequired
    }
}
