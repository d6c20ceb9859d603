/// The properties a node names, for fast member lookup.
final class PropertyTable: Sendable {
    let names: [String]
    let nodes: [Int]
    let index: [String: Int]?
    /// The names' UTF-8 bytes, back to back, and each name's range in them (for byte comparisons).
    private let nameBytes: FrozenBuffer<UInt8>
    private let nameRanges: FrozenBuffer<ChoiceRange>

    init(_ entries: [(String, Int)]) {
        names = entries.map(\.0)
        nodes = entries.map(\.1)
        index = entries.count > 16 ? Dictionary(entries.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a }) : nil
        var bytes: [UInt8] = []
        var ranges: [ChoiceRange] = []
        for name in names {
            ranges.append(ChoiceRange(start: Int32(bytes.count), count: Int32(name.utf8.count)))
            bytes.append(contentsOf: name.utf8)
        }
        nameBytes = FrozenBuffer(bytes)
        nameRanges = FrozenBuffer(ranges)
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

    /// The position of a key, trying `hint` first (members usually come in the schema's order).
    func slot(for key: String, hint: Int) -> Int? {
        if index != nil { return slot(for: key) }
        if let found = key.utf8.withContiguousStorageIfAvailable({ slot(forBytes: $0, hint: hint) }) { return found }
        var copy = key
        return copy.withUTF8 { slot(forBytes: $0, hint: hint) }
    }

    private func slot(forBytes key: UnsafeBufferPointer<UInt8>, hint: Int) -> Int? {
        let count = nameRanges.buffer.count
        if hint < count, isName(hint, key) { return hint }
        for offset in 0..<count where offset != hint && isName(offset, key) { return offset }
        return nil
    }

    @inline(__always)
    private func isName(_ offset: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = nameRanges.buffer[offset]
        guard Int(range.count) == key.count else { return false }
        let start = Int(range.start)
        let bytes = nameBytes.buffer
        var position = 0
        while position < key.count, bytes[start + position] == key[position] { position += 1 }
        return position == key.count
    }
}
