/// The properties a node names, for fast member lookup.
final class PropertyTable: Sendable {
    let names: [String]
    let nodes: [Int]
    let index: [String: Int]?
    /// The names, read in place.
    private let frozenNames: FrozenBuffer<String>

    init(_ entries: [(String, Int)]) {
        names = entries.map(\.0)
        nodes = entries.map(\.1)
        index = entries.count > 16 ? Dictionary(entries.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a }) : nil
        frozenNames = FrozenBuffer(names)
    }

    /// The subschema for a key, or nil.
    @inline(__always)
    func node(for key: String) -> Int? {
        slot(for: key).map { nodes[$0] }
    }

    /// The position of a key in the table, or nil. Keys compare code point by code point.
    @inline(__always)
    func slot(for key: String) -> Int? {
        if let index {
            guard let slot = index[key] else { return nil }
            if JSONValue.sameScalars(names[slot], key) { return slot }
        }
        for offset in names.indices where JSONObject.sameKey(names[offset], key) { return offset }
        return nil
    }

    /// The position of a key, trying `hint` first (members usually come in the schema's order).
    @inline(__always)
    func slot(for key: String, hint: Int) -> Int? {
        if index != nil { return slot(for: key) }
        let names = frozenNames.buffer
        if hint < names.count, JSONObject.sameKey(names[hint], key) { return hint }
        for offset in 0..<names.count where offset != hint && JSONObject.sameKey(names[offset], key) { return offset }
        return nil
    }
}
