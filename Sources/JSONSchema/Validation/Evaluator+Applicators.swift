/// Keywords that apply subschemas: to members, to items, in place, and through references.
extension Evaluator {
    mutating func applyApplicator(_ keyword: CompiledKeyword, _ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        switch keyword.kind {
        case .objectShape(let shape):
            return applyObjectShape(shape, index, instance, &annotations)
        case .properties(let table):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for member in object.members {
                guard let target = table.node(for: member.key) else { continue }
                annotations?.properties.insert(member.key)
                if !validate(target, child: member.value, at: .key(member.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid
        case .patternProperties(let entries):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for member in object.members {
                for (regex, target) in entries where regex.matches(member.key) {
                    annotations?.properties.insert(member.key)
                    if !validate(target, child: member.value, at: .key(member.key)) {
                        valid = false
                        if !reporting { return false }
                    }
                }
            }
            return valid
        case .additionalProperties(let target, let names, let patterns):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            let isFalse = nodes[target].boolean == false
            for member in object.members where names.node(for: member.key) == nil {
                if !patterns.isEmpty && patterns.contains(where: { $0.matches(member.key) }) { continue }
                annotations?.properties.insert(member.key)
                if isFalse {
                    valid = false
                    if !reporting { return false }
                    let message = unknownKey(member.key, known: names.names)
                    report(index, "additionalProperties", message, member.keyLocation, extra: .key(member.key))
                } else if !validate(target, child: member.value, at: .key(member.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid
        case .propertyNames(let target):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for member in object.members {
                let key = JSONNode(.string(member.key), at: member.keyLocation)
                if !validate(target, child: key, at: .key(member.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid
        case .dependentSchemas(let entries):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for (trigger, target) in entries where object.index(of: trigger) != nil {
                if !inPlace(target, instance, &annotations) {
                    valid = false
                    if !reporting { return false }
                }
            }
            return valid
        case .unevaluatedProperties(let target):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            let isFalse = nodes[target].boolean == false
            for member in object.members where !(annotations?.evaluated(property: member.key) ?? false) {
                if isFalse {
                    valid = false
                    if !reporting { return false }
                    report(index, "unevaluatedProperties", "unknown key '\(member.key)'", member.keyLocation, extra: .key(member.key))
                } else if !validate(target, child: member.value, at: .key(member.key)) {
                    valid = false
                    if !reporting { return false }
                }
            }
            if valid { annotations?.allProperties = true }
            return valid
        default:
            return applyItemsOrInPlace(keyword, index, instance, &annotations)
        }
    }

    /// Validates `instance` against an in-place subschema, merging its annotations when collected.
    mutating func inPlace(_ target: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        var sub: Annotations? = annotations == nil ? nil : Annotations()
        let valid = validate(target, instance, &sub)
        if valid, let sub { annotations?.merge(sub) }
        return valid
    }

    /// Like `inPlace`, without reporting.
    mutating func silentlyInPlace(_ target: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        let saved = reporting
        reporting = false
        defer { reporting = saved }
        return inPlace(target, instance, &annotations)
    }
}
