internal import CYAML
import JSONSchema

/// Builds the located tree from libyaml's parser events in one pass, with an explicit stack.
///
/// Enforces the reader's rules as events arrive: a single document, scalar keys without
/// duplicates, the depth limit, and the alias rules (see `YAMLTreeBuilder+Aliases.swift`).
struct YAMLTreeBuilder {
    let limits: YAMLReader.Limits
    let source: UInt32
    /// The innermost open frame.
    var current: YAMLFrame
    /// The open frames below `current`, outermost first (the document frame at index 0).
    var parked: [YAMLFrame] = []
    var anchors: [String: YAMLAnchor] = [:]
    /// Nodes written in the document itself (aliases not expanded).
    var ownNodes = 0
    /// Nodes copied in by aliases so far (saturating).
    var expandedNodes = 0
    /// Fingerprints of the keys of every open mapping, innermost last (see `YAMLFrame.printsStart`).
    var keyPrints: [UInt64] = []
    /// The size of the last collection closed at each depth, used to reserve capacity.
    private var capacityHints: [Int] = []
    /// Recently made key strings.
    private var keyCache = YAMLStringCache()
    private var documents = 0

    init(limits: YAMLReader.Limits, source: UInt32) {
        self.limits = limits
        self.source = source
        current = YAMLFrame(kind: .document, location: SourceLocation(source: source, line: 1, column: 1), anchor: nil)
    }

    /// Reads every event and returns the document's root (a `null` node when there is none).
    mutating func build(from parser: YAMLEventParser) throws(YAMLError) -> JSONNode {
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        while true {
            try parser.next(into: event)
            defer { yaml_event_delete(event) }
            switch event.pointee.type {
            case YAML_SCALAR_EVENT:
                try scalar(event.pointee.data.scalar, at: parser.location(event.pointee.start_mark))
            case YAML_MAPPING_START_EVENT:
                let start = event.pointee.data.mapping_start
                try open(.mapping, at: parser.location(event.pointee.start_mark), anchor: start.anchor, tag: start.tag)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.pointee.data.sequence_start
                try open(.sequence, at: parser.location(event.pointee.start_mark), anchor: start.anchor, tag: start.tag)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                try close()
            case YAML_ALIAS_EVENT:
                try alias(event.pointee.data.alias.anchor, at: parser.location(event.pointee.start_mark))
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(
                        "expected a single document, but found another document",
                        at: parser.location(event.pointee.start_mark))
                }
            case YAML_STREAM_END_EVENT:
                return current.items.first ?? JSONNode(.null, at: current.location)
            default:
                continue
            }
        }
    }

    /// A scalar: a mapping key, or a value resolved by the core schema.
    private mutating func scalar(_ scalar: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar, at location: SourceLocation) throws(YAMLError) {
        let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
        if current.kind == .mapping && !current.hasPendingKey {
            try key(text, plain: plain, tag: scalar.tag, anchor: scalar.anchor, at: location)
            return
        }
        ownNodes += 1
        let value = try YAMLScalarResolver.resolve(text, plain: plain, tag: scalar.tag, at: location)
        let node = JSONNode(value, at: location)
        if let anchor = scalar.anchor {
            let keyText = String(decoding: text, as: UTF8.self)
            anchors[String(cString: anchor)] = .closed(YAMLAnchoredNode(node: node, count: 1, height: 0, keyText: keyText))
        }
        try attach(node, count: 1, height: 0)
    }

    /// A mapping key written as a scalar.
    private mutating func key(
        _ text: UnsafeBufferPointer<UInt8>, plain: Bool, tag: UnsafeMutablePointer<yaml_char_t>?,
        anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation
    ) throws(YAMLError) {
        let fingerprint = YAMLFingerprint.of(text)
        let name = keyCache.string(text, print: fingerprint)
        if tag != nil || anchor != nil {
            let value = try YAMLScalarResolver.resolve(text, plain: plain, tag: tag, at: location)
            if let anchor {
                let node = JSONNode(value, at: location)
                anchors[String(cString: anchor)] = .closed(YAMLAnchoredNode(node: node, count: 1, height: 0, keyText: name))
            }
        } else if plain && text.count == 2 && text[0] == UInt8(ascii: "<") && text[1] == UInt8(ascii: "<") {
            if let first = current.mergeLocation {
                throw YAMLError("duplicate key '<<' (first defined at \(first.lineAndColumn))", at: location)
            }
            current.mergeLocation = location
            current.mergeIndex = current.members.count
            current.pendingIsMerge = true
            current.pendingKey = name
            current.hasPendingKey = true
            current.pendingKeyLocation = location
            return
        }
        try setPendingKey(name, print: fingerprint, at: location)
    }

    /// Makes `name` the key awaiting a value, refusing a duplicate.
    mutating func setPendingKey(_ name: String, print: UInt64, at location: SourceLocation) throws(YAMLError) {
        if let first = indexOfMember(name, print: print) {
            let firstLocation = current.members[first].keyLocation
            throw YAMLError("duplicate key '\(name)' (first defined at \(firstLocation.lineAndColumn))", at: location)
        }
        current.pendingKey = name
        current.hasPendingKey = true
        current.pendingKeyPrint = print
        current.pendingKeyLocation = location
    }

    /// The index of the innermost mapping's explicit member with this key.
    @inline(__always)
    private func indexOfMember(_ name: String, print: UInt64) -> Int? {
        if let keyIndex = current.keyIndex { return keyIndex[ExactKey(name)] }
        let start = current.printsStart
        var index = start
        while index < keyPrints.count {
            if keyPrints[index] == print && ExactKey(current.members[index - start].key) == ExactKey(name) { return index - start }
            index += 1
        }
        return nil
    }

    /// Opens a sequence or mapping.
    private mutating func open(
        _ kind: YAMLFrame.Kind, at location: SourceLocation,
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
    ) throws(YAMLError) {
        if current.kind == .mapping && !current.hasPendingKey {
            throw YAMLError("a mapping key must be a scalar, not a \(kind == .mapping ? "mapping" : "sequence")", at: location)
        }
        if parked.count + 1 > limits.maxDepth {
            throw YAMLError("nesting is deeper than the limit of \(limits.maxDepth) levels", at: location)
        }
        if let tag { try YAMLScalarResolver.checkCollectionTag(tag, mapping: kind == .mapping, at: location) }
        ownNodes += 1
        let name = anchor.map { String(cString: $0) }
        if let name { anchors[name] = .open }
        var opened = YAMLFrame(kind: kind, location: location, anchor: name)
        opened.printsStart = keyPrints.count
        swap(&opened, &current)
        parked.append(consume opened)
        let depth = parked.count
        if depth < capacityHints.count {
            let last = capacityHints[depth]
            let hint = last + last / 4
            if kind == .mapping { current.members.reserveCapacity(hint) } else { current.items.reserveCapacity(hint) }
        }
    }

    /// Closes the innermost collection and hands it to its parent.
    private mutating func close() throws(YAMLError) {
        var done = parked.removeLast()
        swap(&done, &current)
        let depth = parked.count + 1
        if done.kind == .mapping { keyPrints.removeSubrange(done.printsStart...) }
        if capacityHints.count <= depth { capacityHints.append(contentsOf: repeatElement(0, count: depth + 1 - capacityHints.count)) }
        capacityHints[depth] = min(done.kind == .mapping ? done.members.count : done.items.count, 4096)
        let node: JSONNode
        if done.kind == .sequence {
            var items: [JSONNode] = []
            swap(&items, &done.items)
            node = JSONNode(.array(items), at: done.location)
        } else {
            node = JSONNode(.object(done.takeObject()), at: done.location)
        }
        if let anchor = done.anchor {
            anchors[anchor] = .closed(YAMLAnchoredNode(node: node, count: done.nodeCount, height: done.height))
        }
        try attach(node, count: done.nodeCount, height: done.height)
    }

    /// Adds a finished node to the innermost open frame.
    mutating func attach(_ node: consuming JSONNode, count: Int, height: Int) throws(YAMLError) {
        if current.kind == .mapping {
            if current.pendingIsMerge {
                // Depth is the document's nesting: the merged maps' members become this mapping's,
                // so the maps themselves (and a sequence holding them) add no level and no node.
                let levels = node.value.arrayValue == nil ? 1 : 2
                let containers = 1 + (node.value.arrayValue?.count ?? 0)
                try addMergeSource(node)
                current.pendingIsMerge = false
                current.hasPendingKey = false
                current.account(count: max(0, count - containers), height: height - levels)
                return
            } else {
                current.append(JSONObject.Member(key: current.pendingKey, keyLocation: current.pendingKeyLocation, value: node))
                keyPrints.append(current.pendingKeyPrint)
            }
            current.hasPendingKey = false
        } else {
            current.items.append(node)
        }
        current.account(count: count, height: height)
    }
}
