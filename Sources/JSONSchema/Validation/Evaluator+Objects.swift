/// The combined object keywords: one walk over the members for properties, patterns, additional
/// properties and required keys.
extension Evaluator {
    mutating func applyObjectShape(_ shape: ObjectShape, _ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        guard case .object(let object) = instance.value else { return true }
        var seen: UInt64 = 0
        var valid = true
        for member in object.members {
            var matched = false
            if let slot = shape.table.slot(for: member.key) {
                matched = true
                seen |= 1 << UInt64(slot)
                if !validate(shape.table.nodes[slot], child: member.value, at: .key(member.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            for (regex, target) in shape.patterns where regex.matches(member.key) {
                matched = true
                if !validate(target, child: member.value, at: .key(member.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            if !matched, let additional = shape.additional {
                matched = true
                if schema.nodes[additional].boolean == false {
                    valid = false
                    if !reporting { return false }
                    report(index, "additionalProperties", "unknown key '\(member.key)'", member.keyLocation, extra: .key(member.key))
                } else if !validate(additional, child: member.value, at: .key(member.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            if matched { annotations?.properties.insert(member.key) }
        }
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
}
