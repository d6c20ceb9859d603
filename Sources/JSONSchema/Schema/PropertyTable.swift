/// The properties a node names, for fast member lookup.
final class PropertyTable: Sendable {
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
