public import JSONSchema

/// Reads a YAML document into the located JSON tree (`JSONNode`), using the system libyaml.
///
/// The tree is built straight from libyaml's parser events in one pass; every node, and every
/// mapping key, knows its 1-based line and column. Scalars resolve by the YAML 1.2 core schema:
///
/// | text | value |
/// |---|---|
/// | `null`, `Null`, `NULL`, `~`, empty | `.null` |
/// | `true`, `True`, `TRUE`, `false`, `False`, `FALSE` | `.bool` |
/// | `12`, `-3`, `+4`, `0o17`, `0x1F` | `.integer` (beyond `Int64`: `.number` keeping the digits) |
/// | `1.5`, `1e3`, `.5` | `.number` |
/// | `.inf`, `-.inf`, `.nan` | `.number` with literal `.inf` / `-.inf` / `.nan` and `double` ±infinity / NaN (JSON cannot hold these) |
/// | `yes`, `no`, `on`, `off`, `y`, `n`, `1_000`, anything else | `.string` |
///
/// Quoted scalars and block scalars (`|`, `>`) are always strings. The tags `!!str`, `!!int`,
/// `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq` and `!` are honoured; any other tag is an error.
/// Mapping keys are taken as their text (`1: a` has the key `"1"`).
///
/// Anchors and aliases work (an alias node is located where the alias is written; its children keep
/// the anchored node's locations), and so do merge keys `<<: *base` / `<<: [*a, *b]` (explicit keys
/// win, earlier maps in the list win; merged members are inserted where the `<<` key stands).
///
/// Refused with a ``YAMLError``: duplicate keys, non-scalar keys, more than one document, nesting
/// deeper than ``Limits/maxDepth``, recursive aliases, aliases to unknown anchors, alias bombs
/// (see ``Limits/maxAliasExpansion``), invalid UTF-8 or control characters, and every libyaml syntax
/// error. An empty text, or one holding only comments, reads as a `null` node at line 1, column 1.
///
/// ```swift
/// let node = try YAMLReader().read("global:\n  tenant-id: acme\n", source: 1)
/// let tenant = node.node(at: ["global", "tenant-id"]) // "acme" at line 2, column 14
/// ```
public struct YAMLReader: Sendable {
    /// Bounds that keep hostile input from exhausting the stack, time or memory.
    ///
    /// | key | type | default | meaning |
    /// |---|---|---|---|
    /// | `maxDepth` | `Int` | `256` | deepest nesting of sequences and mappings, aliases included |
    /// | `maxAliasExpansion` | `Int` | `1_000_000` | nodes that aliases may copy in, in total; the budget is the larger of this and 10 × the nodes the document itself has read so far |
    public struct Limits: Sendable {
        /// The deepest allowed nesting of collections (aliases count with their own depth).
        public var maxDepth = 256
        /// The number of nodes all aliases together may expand to (unless 10 × the document's own
        /// node count is bigger).
        public var maxAliasExpansion = 1_000_000

        /// The default limits.
        public init() {}
    }

    /// The limits this reader applies.
    public var limits: Limits

    /// Creates a reader.
    public init(limits: Limits = .init()) {
        self.limits = limits
    }

    /// Reads UTF-8 bytes holding a single YAML document.
    ///
    /// - Parameter source: the number stored in every node's `SourceLocation.source`.
    public func read(_ bytes: [UInt8], source: UInt32 = 0) throws(YAMLError) -> JSONNode {
        let result: Result<JSONNode, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) -> JSONNode in try read(buffer, source: source) }
        }
        return try result.get()
    }

    /// Reads a text holding a single YAML document.
    ///
    /// - Parameter source: the number stored in every node's `SourceLocation.source`.
    public func read(_ text: String, source: UInt32 = 0) throws(YAMLError) -> JSONNode {
        var text = text
        let result: Result<JSONNode, YAMLError> = text.withUTF8 { buffer in
            Result { () throws(YAMLError) -> JSONNode in try read(buffer, source: source) }
        }
        return try result.get()
    }

    /// Reads from contiguous bytes that stay valid for the duration of the call.
    func read(_ buffer: UnsafeBufferPointer<UInt8>, source: UInt32) throws(YAMLError) -> JSONNode {
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            return JSONNode(.null, at: SourceLocation(source: source, line: 1, column: 1))
        }
        let parser = try YAMLEventParser(bytes: UnsafeBufferPointer(start: base, count: buffer.count), source: source)
        var builder = YAMLTreeBuilder(limits: limits, source: source)
        return try builder.build(from: parser)
    }
}
