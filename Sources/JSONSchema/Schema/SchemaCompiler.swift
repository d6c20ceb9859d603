/// Turns a schema document into the flat node array of a `CompiledSchema`. Subschemas and
/// references are compiled from a work list (no recursion), each distinct subschema once.
final class SchemaCompiler {
    let registry: SchemaRegistry
    let options: ValidationOptions
    var nodes: [SchemaNode] = []
    var memo: [String: Int] = [:]
    /// Resolved references by base URI and reference text (the same text from the same base always
    /// names the same subschema).
    var referenceTargets: [String: Int] = [:]
    var parsedBases: [String: (parsed: URIReference, withoutFragment: String)] = [:]
    var pending: [(Int, RawSchema)] = []
    var resourceIDs: [String: Int32] = [:]
    var resourceURIs: [String] = []
    var dynamicAnchorNodes: [[String: Int]] = []
    var resourceRoots: [String: RawSchema] = [:]
    var anchors: [String: RawSchema] = [:]
    var dynamicAnchors: [String: [String: RawSchema]] = [:]
    var scannedDocuments: Set<String> = []

    /// How deeply subschemas may nest (in JSON pointer tokens).
    static let maxSchemaDepth = 1000

    /// The base URI of a root schema without `$id`.
    static let defaultBase = "urn:runbook:schema"

    init(registry: SchemaRegistry, options: ValidationOptions) {
        self.registry = registry
        self.options = options
    }

    /// Compiles the root schema and everything it references; returns the root's node index (0).
    func compileRoot(_ schema: JSONNode) throws(SchemaError) -> Int {
        var root = RawSchema(node: schema, base: Self.defaultBase, dialect: options.defaultDialect,
                             vocabularies: .standard, documentPointer: [], resourcePointer: [])
        try adjust(&root)
        if root.base == Self.defaultBase { resourceRoots[root.base] = root }
        try scan(root)
        let index = node(for: root)
        while let (next, raw) = pending.popLast() {
            try compileBody(next, raw)
        }
        return index
    }

    /// The node index for a subschema, compiled later if new.
    func node(for raw: RawSchema) -> Int {
        let key = raw.key
        if let existing = memo[key] { return existing }
        let index = nodes.count
        nodes.append(SchemaNode())
        memo[key] = index
        pending.append((index, raw))
        return index
    }

    /// The interned id of a resource; a new resource gets its `$dynamicAnchor`s compiled.
    func resource(_ base: String) -> Int32 {
        if let id = resourceIDs[base] { return id }
        let id = Int32(resourceURIs.count)
        resourceIDs[base] = id
        resourceURIs.append(base)
        dynamicAnchorNodes.append([:])
        for (name, raw) in dynamicAnchors[base] ?? [:] {
            dynamicAnchorNodes[Int(id)][name] = node(for: raw)
        }
        return id
    }

    private func compileBody(_ index: Int, _ raw: RawSchema) throws(SchemaError) {
        var compiled = SchemaNode()
        compiled.resource = resource(raw.base)
        compiled.documentPointer = raw.documentPointer
        compiled.resourcePointer = raw.resourcePointer
        compiled.location = raw.node.location
        switch raw.node.value {
        case .bool(let value):
            compiled.boolean = value
        case .object(let object):
            var reader = KeywordReader(compiler: self, raw: raw, object: object)
            compiled.keywords = try reader.compileKeywords()
            compiled.collectsAnnotations = compiled.keywords.contains {
                switch $0.kind {
                case .unevaluatedItems, .unevaluatedProperties: true
                default: false
                }
            }
            compiled.defaultValue = object["default"]
        default:
            throw SchemaError(message: "a schema must be an object or a boolean, found \(raw.node.value.typeName)",
                              location: raw.node.location, schemaPointer: JSONPointer(raw.documentPointer))
        }
        nodes[index] = compiled
    }
}
