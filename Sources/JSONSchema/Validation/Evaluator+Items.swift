/// Array keywords, combinators, conditionals and references.
extension Evaluator {
    mutating func applyItemsOrInPlace(_ keyword: CompiledKeyword, _ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        switch keyword.kind {
        case .prefixItems(let targets):
            guard case .array(let elements) = instance.value else { return true }
            var valid = true
            for (offset, element) in elements.prefix(targets.count).enumerated()
            where !validate(targets[offset], child: element, at: .index(offset)) {
                valid = false
                if !reporting { return false }
            }
            if let current = annotations?.itemCount { annotations?.itemCount = max(current, min(targets.count, elements.count)) }
            return valid
        case .items(let target, let from):
            guard case .array(let elements) = instance.value, elements.count > from else { return true }
            var valid = true
            let isFalse = nodes[target].boolean == false
            if isFalse {
                report(index, keyword.name, "must have at most \(Self.plural(from, "item")), found \(elements.count)", instance.location)
                return false
            }
            let complete = elements.withUnsafeBufferPointer { buffer in
                for offset in from..<buffer.count where !passesQuick(target, buffer.baseAddress! + offset) {
                    if !evaluate(target, child: buffer[offset], at: .index(offset)) {
                        valid = false
                        if !reporting { return false }
                    }
                }
                return true
            }
            if !complete { return false }
            annotations?.allItems = true
            return valid
        case .unevaluatedItems(let target):
            guard case .array(let elements) = instance.value else { return true }
            var valid = true
            for offset in elements.indices where !(annotations?.evaluated(item: offset) ?? false) {
                if nodes[target].boolean == false {
                    report(index, "unevaluatedItems", "unexpected item at index \(offset)", elements[offset].location, extra: .index(offset))
                    valid = false
                } else if !validate(target, child: elements[offset], at: .index(offset)) {
                    valid = false
                }
                if !valid && !reporting { return false }
            }
            if valid { annotations?.allItems = true }
            return valid
        case .contains(let target, let minimum, let maximum):
            guard case .array(let elements) = instance.value else { return true }
            var matched = 0
            let saved = reporting
            reporting = false
            for (offset, element) in elements.enumerated() where validate(target, child: element, at: .index(offset)) {
                matched += 1
                annotations?.itemIndices.insert(offset)
            }
            reporting = saved
            if matched < minimum {
                report(index, "contains", "must contain at least \(Self.plural(minimum, "matching item")), found \(matched)", instance.location)
                return false
            }
            if let maximum, matched > maximum {
                report(index, "maxContains", "must contain at most \(Self.plural(maximum, "matching item")), found \(matched)", instance.location)
                return false
            }
            return true
        case .allOf(let targets):
            var valid = true
            for target in targets where !inPlace(target, instance, &annotations) {
                valid = false
                if !reporting { return false }
            }
            return valid
        case .anyOf(let targets):
            var valid = false
            for target in targets where silentlyInPlace(target, instance, &annotations) {
                valid = true
                if annotations == nil { break }
            }
            if !valid && reporting && !explainOnlyCandidate(targets, instance) {
                report(index, "anyOf", "must match at least one of the \(targets.count) schemas in anyOf", instance.location)
            }
            return valid
        case .oneOf(let targets):
            var matches: [Int] = []
            var collected: Annotations? = annotations == nil ? nil : Annotations()
            for (offset, target) in targets.enumerated() where silentlyInPlace(target, instance, &collected) {
                matches.append(offset)
                if matches.count > 1 && annotations == nil { break }
            }
            if matches.count == 1 {
                if let collected { annotations?.merge(collected) }
                return true
            }
            if matches.isEmpty && reporting && explainOnlyCandidate(targets, instance) { return false }
            let found = matches.isEmpty ? "none" : "schemas \(matches.map(String.init).joined(separator: " and "))"
            report(index, "oneOf", "must match exactly one of the \(targets.count) schemas in oneOf, matched \(found)", instance.location)
            return false
        case .not(let target):
            var none: Annotations? = nil
            if !silently(target, instance, &none) { return true }
            report(index, "not", "must not match the schema in 'not'", instance.location)
            return false
        case .conditional(let condition, let then, let otherwise):
            if silentlyInPlace(condition, instance, &annotations) {
                return then.map { inPlace($0, instance, &annotations) } ?? true
            }
            return otherwise.map { inPlace($0, instance, &annotations) } ?? true
        case .ref(let target):
            return follow(index, "$ref", target, instance, &annotations)
        case .dynamicRef(let target, let anchor):
            var resolved = target
            if let anchor {
                for resource in scope {
                    if let dynamic = schema.dynamicAnchorNodes[Int(resource)][anchor] {
                        resolved = dynamic
                        break
                    }
                }
            }
            return follow(index, "$dynamicRef", resolved, instance, &annotations)
        default:
            return true
        }
    }

    /// When exactly one alternative accepts the value's type, reports that alternative's violations
    /// (more useful than "must match one of"); returns whether it did.
    private mutating func explainOnlyCandidate(_ targets: [Int], _ instance: JSONNode) -> Bool {
        let candidates = targets.filter { target in
            nodes[target].boolean != false && nodes[target].keywords.allSatisfy { keyword in
                if case .type(let mask) = keyword.kind { return mask.admits(instance.value) }
                return true
            }
        }
        guard candidates.count == 1 else { return false }
        var none: Annotations? = nil
        let before = violations.count
        _ = inPlace(candidates[0], instance, &none)
        return violations.count > before
    }

    private mutating func follow(_ index: Int, _ keyword: String, _ target: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        // The same schema again at the same instance location would repeat itself for ever (and
        // `allOf: [{$ref: "#"}, {$ref: "#"}]` doubles the work at each turn): stop here.
        let depth = path.count
        for frame in frames where frame.target == target && frame.pathDepth == depth {
            recordReferenceLoop(index, keyword, instance.location)
            return false
        }
        if annotations == nil, withUnsafePointer(to: instance, { passesQuick(target, $0) }) { return true }
        frames.append(ReferenceFrame(referringNode: index, keyword: keyword, target: target, pathDepth: depth))
        defer { frames.removeLast() }
        return inPlace(target, instance, &annotations)
    }
}
