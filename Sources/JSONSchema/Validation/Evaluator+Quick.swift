/// The quick check: a value and everything below it against a node, read in place through pointers.
/// True means "certainly passes" (nothing to report); false means "not sure": the full evaluator then
/// decides, and reports, for this part of the instance only.
extension Evaluator {
    mutating func passesQuick(_ index: Int, _ node: UnsafePointer<JSONNode>) -> Bool {
        let quick = quickNodes.baseAddress! + index
        guard quick.pointee.supported, depth < Self.maxDepth, passesPlan(index, node) else { return false }
        guard quick.pointee.hasStructure else { return true }
        depth += 1
        defer { depth -= 1 }
        switch node.pointee.value {
        case .object(let object):
            guard objectPasses(quick, object) else { return false }
        case .array(let elements):
            guard arrayPasses(quick, elements) else { return false }
        default:
            break
        }
        for position in Int(quick.pointee.allStart)..<Int(quick.pointee.allStart + quick.pointee.allCount)
        where !passesQuick(Int(targets[position]), node) {
            return false
        }
        guard quick.pointee.anyCount > 0 else { return true }
        for position in Int(quick.pointee.anyStart)..<Int(quick.pointee.anyStart + quick.pointee.anyCount)
        where passesQuick(Int(targets[position]), node) {
            return true
        }
        return false
    }

    private mutating func objectPasses(_ quick: UnsafePointer<QuickNode>, _ object: JSONObject) -> Bool {
        let count = object.members.count
        guard count >= quick.pointee.minProperties, count <= quick.pointee.maxProperties else { return false }
        return object.members.withUnsafeBufferPointer { members in
            let shape = quick.pointee.shape
            if shape >= 0, !membersPass(shapes.baseAddress! + Int(shape), members, object) { return false }
            let required = Int(quick.pointee.requiredStart)..<Int(quick.pointee.requiredStart + quick.pointee.requiredCount)
            for position in required where object.index(of: names[position]) == nil { return false }
            let propertyNames = Int(quick.pointee.propertyNames)
            guard propertyNames >= 0 else { return true }
            for offset in members.indices {
                let key = JSONNode(.string(members[offset].key))
                if !withUnsafePointer(to: key, { passesQuick(propertyNames, $0) }) { return false }
            }
            return true
        }
    }

    private mutating func membersPass(
        _ shape: UnsafePointer<QuickShape>, _ members: UnsafeBufferPointer<JSONObject.Member>, _ object: JSONObject
    ) -> Bool {
        var seen: UInt64 = 0
        var hint = 0
        let nameStart = Int(shape.pointee.nameStart)
        for offset in members.indices {
            let member = members.baseAddress! + offset
            let value = Self.valuePointer(member)
            var matched = false
            if let slot = self.slot(of: member.pointee.key, in: shape, hint: hint) {
                matched = true
                hint = slot + 1
                seen |= 1 << UInt64(slot)
                guard passesQuick(Int(nameTargets[nameStart + slot]), value) else { return false }
            }
            for position in Int(shape.pointee.patternStart)..<Int(shape.pointee.patternStart + shape.pointee.patternCount) {
                let pattern = patterns[position]
                guard patternMatcher.matches(Int(pattern.regex), member.pointee.key) else { continue }
                matched = true
                guard passesQuick(Int(pattern.target), value) else { return false }
            }
            if !matched, shape.pointee.additional >= 0, !passesQuick(Int(shape.pointee.additional), value) { return false }
        }
        guard shape.pointee.requiredMask & ~seen == 0 else { return false }
        let extra = Int(shape.pointee.extraRequiredStart)..<Int(shape.pointee.extraRequiredStart + shape.pointee.extraRequiredCount)
        for position in extra where object.index(of: names[position]) == nil { return false }
        return true
    }

    /// The slot of `key` among the shape's names, trying `hint` first (members usually come in order).
    @inline(__always)
    private func slot(of key: String, in shape: UnsafePointer<QuickShape>, hint: Int) -> Int? {
        let start = Int(shape.pointee.nameStart)
        let count = Int(shape.pointee.nameCount)
        if hint < count, JSONObject.sameKey(names[start + hint], key) { return hint }
        for slot in 0..<count where slot != hint && JSONObject.sameKey(names[start + slot], key) { return slot }
        return nil
    }

    private mutating func arrayPasses(_ quick: UnsafePointer<QuickNode>, _ elements: [JSONNode]) -> Bool {
        guard elements.count >= quick.pointee.minItems, elements.count <= quick.pointee.maxItems else { return false }
        return elements.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let prefixCount = min(Int(quick.pointee.prefixCount), buffer.count)
            for offset in 0..<prefixCount where !passesQuick(Int(targets[Int(quick.pointee.prefixStart) + offset]), base + offset) {
                return false
            }
            let items = Int(quick.pointee.items)
            if items >= 0 {
                for offset in Int(quick.pointee.itemsFrom)..<max(Int(quick.pointee.itemsFrom), buffer.count)
                where !passesQuick(items, base + offset) {
                    return false
                }
            }
            return !quick.pointee.uniqueItems || Self.certainlyDistinct(buffer)
        }
    }

    /// Whether no two elements can be equal; false when two might be (the evaluator then decides).
    private static func certainlyDistinct(_ elements: UnsafeBufferPointer<JSONNode>) -> Bool {
        guard elements.count > 1 else { return true }
        for second in 1..<elements.count {
            for first in 0..<second where mightBeEqual(elements.baseAddress! + first, elements.baseAddress! + second) {
                return false
            }
        }
        return true
    }

    @inline(__always)
    private static func mightBeEqual(_ a: UnsafePointer<JSONNode>, _ b: UnsafePointer<JSONNode>) -> Bool {
        switch (a.pointee.value, b.pointee.value) {
        case (.integer(let x), .integer(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.integer, .number), (.number, .integer), (.number, .number):
            a.pointee.value.doubleValue == b.pointee.value.doubleValue
        case (.array(let x), .array(let y)): x.count == y.count
        case (.object(let x), .object(let y)): x.count == y.count
        default: false
        }
    }
}
