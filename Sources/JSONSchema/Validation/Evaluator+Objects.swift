/// The combined object keywords: one walk over the members for properties, patterns, additional
/// properties and required keys.
extension Evaluator {
    mutating func applyObjectShape(_ shape: ObjectShape, _ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        guard case .object(let object) = instance.value else { return true }
        var seen: UInt64 = 0
        var valid = true
        var nextSlot = 0
        let complete = object.members.withUnsafeBufferPointer { members in
            for offset in members.indices where !checkMember(members, offset, shape, index, &seen, &nextSlot, &valid, &annotations) {
                return false
            }
            return true
        }
        if !complete { return false }
        if shape.requiredMask & ~seen != 0 || shape.hasUnslottedRequired {
            for (name, slot) in shape.required {
                let present = slot >= 0 ? seen & (1 << UInt64(slot)) != 0 : object.index(of: name) != nil
                if present { continue }
                valid = false
                if !reporting { return false }
                report(index, "required", "missing required key '\(name)'", instance.location)
            }
        }
        return valid
    }

    /// One member against the shape; false means "stop now" (invalid and not reporting).
    @inline(__always)
    private mutating func checkMember(
        _ members: UnsafeBufferPointer<JSONObject.Member>, _ offset: Int, _ shape: ObjectShape, _ index: Int,
        _ seen: inout UInt64, _ nextSlot: inout Int, _ valid: inout Bool, _ annotations: inout Annotations?
    ) -> Bool {
        let member = members.baseAddress! + offset
        let value = Self.valuePointer(member)
        do {
            var matched = false
            if let slot = shape.table.slot(for: member.pointee.key, hint: nextSlot) {
                matched = true
                nextSlot = slot + 1
                seen |= 1 << UInt64(slot)
                let target = shape.table.nodes[slot]
                if !passesQuick(target, value), !evaluate(target, child: member.pointee.value, at: .key(member.pointee.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            for (regex, target) in shape.patterns where regex.matches(member.pointee.key) {
                matched = true
                if !passesQuick(target, value), !evaluate(target, child: member.pointee.value, at: .key(member.pointee.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            if !matched, let additional = shape.additional {
                matched = true
                if nodes[additional].boolean == false {
                    valid = false
                    if !reporting { return false }
                    let message = unknownKey(member.pointee.key, known: shape.table.names)
                    report(index, "additionalProperties", message, member.pointee.keyLocation, extra: .key(member.pointee.key))
                } else if !passesQuick(additional, value), !evaluate(additional, child: member.pointee.value, at: .key(member.pointee.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            if matched { annotations?.properties.insert(member.pointee.key) }
        }
        return true
    }

    /// The address of a member's value (read in place, not copied).
    @inline(__always)
    static func valuePointer(_ member: UnsafePointer<JSONObject.Member>) -> UnsafePointer<JSONNode> {
        (UnsafeRawPointer(member) + MemoryLayout<JSONObject.Member>.offset(of: \JSONObject.Member.value)!)
            .assumingMemoryBound(to: JSONNode.self)
    }

    /// "unknown key 'max-retires' (did you mean 'max-retries'?)". Suggestions are looked for only for the
    /// first `maxSuggestions` unknown keys of a validation and among at most `maxSuggestionCandidates`
    /// names, so that reporting stays linear in the document's size.
    mutating func unknownKey(_ key: String, known names: [String]) -> String {
        guard reporting, suggestionsLeft > 0, names.count <= Self.maxSuggestionCandidates else { return "unknown key '\(key)'" }
        suggestionsLeft -= 1
        guard let suggestion = NearestName.suggestion(for: key, among: names) else { return "unknown key '\(key)'" }
        return "unknown key '\(key)' (did you mean '\(suggestion)'?)"
    }
}
