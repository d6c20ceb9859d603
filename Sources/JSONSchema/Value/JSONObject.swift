/// The members of a JSON object, in document order, each with the location of its key.
///
/// Lookup by key is a linear scan, which is the fastest choice for the small objects that
/// configuration documents are made of. Keys compare code point by code point, as JSON requires
/// (Swift's `==` alone would equate canonically equivalent keys such as "é" and "e\u{301}").
/// Parsers reject duplicate keys, so keys are unique.
public struct JSONObject: Sendable {
    /// One `"key": value` pair.
    public struct Member: Sendable {
        /// The key.
        public var key: String
        /// Where the key starts.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: JSONNode

        /// Creates a member.
        public init(key: String, keyLocation: SourceLocation = .unknown, value: JSONNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// The members in document order.
    public var members: [Member]

    /// Creates an object from members (keys must be unique).
    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in document order.
    public var keys: [String] { members.map(\.key) }

    /// The index of the member with this key.
    public func index(of key: String) -> Int? {
        members.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where Self.sameKey((buffer.baseAddress! + offset).pointee.key, key) { return offset }
            return nil
        }
    }

    /// The value for a key, or nil. Setting replaces the value in place or appends a member.
    public subscript(key: String) -> JSONNode? {
        get {
            index(of: key).map { members[$0].value }
        }
        set {
            if let index = index(of: key) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, keyLocation: newValue.location, value: newValue))
            }
        }
    }

    /// The member for a key, or nil.
    public func member(_ key: String) -> Member? {
        index(of: key).map { members[$0] }
    }

    /// Whether two keys are the same code points: identical representations settle it at once (small
    /// strings are stored inline); otherwise the UTF-8 count, which is stored, rejects most, then `==`,
    /// which is necessary, then the bytes.
    @inline(__always)
    static func sameKey(_ a: String, _ b: String) -> Bool {
        if StringBytes.words(a) == StringBytes.words(b) { return true }
        return a.utf8.count == b.utf8.count && a == b && JSONValue.sameScalars(a, b)
    }
}
