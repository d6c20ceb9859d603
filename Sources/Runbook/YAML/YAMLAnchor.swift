import JSONSchema

/// What an anchor name refers to while the document is being read.
enum YAMLAnchor {
    /// The anchored collection is still being read: an alias to it would be recursive.
    case open
    /// The anchored node is complete.
    case closed(YAMLAnchoredNode)
}

/// A complete anchored node with the measures the alias budget needs.
struct YAMLAnchoredNode {
    /// The node.
    var node: JSONNode
    /// Nodes in the subtree, aliases expanded (saturating).
    var count: Int
    /// Collection levels in the subtree (0 for a scalar).
    var height: Int
    /// For a scalar, its text, so that an alias can serve as a mapping key.
    var keyText: String?
}
