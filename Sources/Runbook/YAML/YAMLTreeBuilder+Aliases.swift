internal import CYAML
import JSONSchema

extension YAMLTreeBuilder {
    /// An alias: a copy of the anchored node (storage is shared), counted against the budget.
    ///
    /// Refused: unknown anchors, anchors still open (recursion), aliases that would nest deeper than
    /// `maxDepth`, and expansions beyond the larger of `maxAliasExpansion` and 10 × `ownNodes`.
    mutating func alias(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) throws(YAMLError) {
        let name = anchor.map { String(cString: $0) } ?? ""
        guard let state = anchors[name] else {
            throw YAMLError("unknown anchor '\(name)' (an alias must refer to an anchor defined before it)", at: location)
        }
        guard case .closed(let anchored) = state else {
            throw YAMLError("alias '\(name)' refers to a node that contains it (recursive alias)", at: location)
        }
        if current.kind == .mapping && !current.hasPendingKey {
            guard let keyText = anchored.keyText else {
                throw YAMLError("a mapping key must be a scalar, not an alias to a \(anchored.node.value.yamlKind)", at: location)
            }
            var text = keyText
            let fingerprint = text.withUTF8 { YAMLFingerprint.of($0) }
            try setPendingKey(keyText, print: fingerprint, at: location)
            return
        }
        // A merged mapping's members join the current mapping: they add no level of their own.
        let merging = current.kind == .mapping && current.pendingIsMerge
        if parked.count + anchored.height - (merging ? 1 : 0) > limits.maxDepth {
            throw YAMLError("alias '\(name)' nests the document deeper than the limit of \(limits.maxDepth) levels", at: location)
        }
        expandedNodes = expandedNodes.addingSaturating(anchored.count)
        let budget = max(limits.maxAliasExpansion, ownNodes.multipliedReportingOverflow(by: 10).overflow ? .max : ownNodes * 10)
        if expandedNodes > budget {
            throw YAMLError(
                "alias '\(name)' expands the document beyond the alias limit of \(budget) nodes (an alias bomb?)",
                at: location)
        }
        try attach(JSONNode(anchored.node.value, at: location), count: anchored.count, height: anchored.height)
    }

    /// Records the value of a merge key `<<`: a mapping, or a sequence of mappings.
    mutating func addMergeSource(_ node: JSONNode) throws(YAMLError) {
        switch node.value {
        case .object(let object):
            current.mergeSources.append(object)
        case .array(let elements):
            for element in elements {
                guard case .object(let object) = element.value else {
                    throw YAMLError(
                        "the merge key '<<' needs mappings, but this sequence holds a \(element.value.yamlKind)",
                        at: element.location)
                }
                current.mergeSources.append(object)
            }
        default:
            throw YAMLError(
                "the merge key '<<' needs a mapping or a sequence of mappings, not a \(node.value.yamlKind)",
                at: node.location)
        }
    }
}

extension JSONValue {
    /// The YAML word for the value's kind: `mapping`, `sequence` or `scalar`.
    var yamlKind: String {
        switch self {
        case .object: "mapping"
        case .array: "sequence"
        default: "scalar"
        }
    }
}
