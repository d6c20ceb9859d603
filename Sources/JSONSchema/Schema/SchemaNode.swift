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
