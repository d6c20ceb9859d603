import JSONSchema

/// One open collection (or the document itself) while `YAMLTreeBuilder` builds the tree.
///
/// The builder keeps open frames on an explicit stack, so nesting never recurses.
struct YAMLFrame {
    /// What the frame collects.
    enum Kind { case document, sequence, mapping }

    /// Mappings with more members than this look keys up in a dictionary instead of scanning
    /// key fingerprints.
    static let indexedKeyThreshold = 32

    let kind: Kind
    let location: SourceLocation
    /// The anchor written on this collection, if any.
    let anchor: String?
    /// Sequence elements (or the document's single root node).
    var items: [JSONNode] = []
    /// Mapping members read so far (explicit keys only).
    var members: [JSONObject.Member] = []
    /// Key → member index, built once a mapping grows past `indexedKeyThreshold` (keys compare
    /// code point by code point, like the fingerprint scan below the threshold).
    var keyIndex: [ExactKey: Int]?
    /// The key waiting for its value, when `hasPendingKey` (kept as a plain `String` so that
    /// setting it costs no optional bookkeeping).
    var pendingKey = ""
    /// Whether `pendingKey` waits for its value; otherwise the next node of a mapping is a key.
    var hasPendingKey = false
    var pendingKeyLocation = SourceLocation.unknown
    /// The pending key's fingerprint (see `YAMLFingerprint`).
    var pendingKeyPrint: UInt64 = 0
    /// Where this mapping's key fingerprints start in the builder's shared fingerprint stack.
    var printsStart = 0
    /// Whether the pending key is the merge key `<<`.
    var pendingIsMerge = false
    /// Where this mapping's `<<` key stands, once seen.
    var mergeLocation: SourceLocation?
    /// The member index at which merged members are inserted.
    var mergeIndex = 0
    /// Maps to merge, in priority order.
    var mergeSources: [JSONObject] = []
    /// Nodes in this subtree, aliases expanded (saturating).
    var nodeCount = 1
    /// Collection levels in this subtree, this one included.
    var height = 1

    init(kind: Kind, location: SourceLocation, anchor: String?) {
        self.kind = kind
        self.location = location
        self.anchor = anchor
        if kind == .document { height = 0 }
    }

    /// Appends an explicit member (its key is known not to be present).
    mutating func append(_ member: consuming JSONObject.Member) {
        if keyIndex != nil {
            keyIndex![ExactKey(member.key)] = members.count
        } else if members.count == Self.indexedKeyThreshold {
            var index = [ExactKey: Int](minimumCapacity: members.count * 2)
            for (position, existing) in members.enumerated() { index[ExactKey(existing.key)] = position }
            index[ExactKey(member.key)] = members.count
            keyIndex = index
        }
        members.append(member)
    }

    /// Records a child's size.
    @inline(__always)
    mutating func account(count: Int, height childHeight: Int) {
        nodeCount = nodeCount.addingSaturating(count)
        if childHeight >= height { height = childHeight + 1 }
    }

    /// Takes the finished mapping out of the frame: explicit members, with merged members inserted
    /// where `<<` stood (explicit keys win; among merged maps the earlier one wins).
    mutating func takeObject() -> JSONObject {
        var members: [JSONObject.Member] = []
        swap(&members, &self.members)
        guard !mergeSources.isEmpty else { return JSONObject(members) }
        var seen = Set(members.map { ExactKey($0.key) })
        var merged: [JSONObject.Member] = []
        for source in mergeSources {
            for member in source.members where seen.insert(ExactKey(member.key)).inserted {
                merged.append(member)
            }
        }
        members.insert(contentsOf: merged, at: mergeIndex)
        return JSONObject(members)
    }
}

extension Int {
    /// `self + other`, clamped at `Int.max`.
    @inline(__always)
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
