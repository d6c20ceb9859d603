/// Building a node's `QuickNode`: assertions go into its plan, structural keywords into plain
/// numbers; any other keyword leaves the node unsupported ("not sure", the evaluator decides).
extension AssertionPlans.Builder {
    mutating func quickNode(for node: SchemaNode) -> (AssertionPlan, QuickNode) {
        var plan = AssertionPlan()
        var quick = QuickNode()
        if let boolean = node.boolean {
            plan.usable = boolean
            quick.supported = boolean
            return (plan, quick)
        }
        guard !node.collectsAnnotations else { return (AssertionPlan(), QuickNode()) }
        plan.boundStart = Int32(bounds.count)
        var all: [Int] = []
        for keyword in node.keywords {
            if add(keyword.kind, to: &plan) { continue }
            guard addStructure(keyword.kind, to: &quick, all: &all) else { return (AssertionPlan(), QuickNode()) }
        }
        if !all.isEmpty {
            (quick.allStart, quick.allCount) = addTargets(all)
            quick.hasStructure = true
        }
        plan.boundCount = Int32(bounds.count) - plan.boundStart
        plan.usable = true
        quick.supported = true
        return (plan, quick)
    }

    /// Adds a structural keyword; false when the quick check does not handle it.
    private mutating func addStructure(_ kind: Keyword, to quick: inout QuickNode, all: inout [Int]) -> Bool {
        switch kind {
        case .minItems(let limit): quick.minItems = max(quick.minItems, limit)
        case .maxItems(let limit): quick.maxItems = min(quick.maxItems, limit)
        case .uniqueItems: quick.uniqueItems = true
        case .minProperties(let limit): quick.minProperties = max(quick.minProperties, limit)
        case .maxProperties(let limit): quick.maxProperties = min(quick.maxProperties, limit)
        case .required(let required):
            guard quick.requiredCount == 0 else { return false }
            quick.requiredStart = Int32(names.count)
            quick.requiredCount = Int32(required.count)
            for name in required { addName(name, target: -1) }
        case .objectShape(let shape):
            quick.shape = Int32(shapes.count)
            shapes.append(addShape(shape))
        case .propertyNames(let target): quick.propertyNames = Int32(target)
        case .prefixItems(let prefix): (quick.prefixStart, quick.prefixCount) = addTargets(prefix)
        case .items(let target, let from):
            quick.items = Int32(target)
            quick.itemsFrom = Int32(from)
        case .ref(let target): all.append(target)
        case .allOf(let targets): all += targets
        case .anyOf(let targets):
            guard quick.anyCount == 0 else { return false }
            (quick.anyStart, quick.anyCount) = addTargets(targets)
        default: return false
        }
        quick.hasStructure = true
        return true
    }

    private mutating func addShape(_ shape: ObjectShape) -> QuickShape {
        let nameStart = Int32(names.count)
        for (name, target) in zip(shape.table.names, shape.table.nodes) { addName(name, target: target) }
        let extraRequiredStart = Int32(names.count)
        for (name, slot) in shape.required where slot < 0 { addName(name, target: -1) }
        let patternStart = Int32(patterns.count)
        for (regex, target) in shape.patterns {
            patterns.append(QuickPattern(regex: Int32(regexes.count), target: Int32(target)))
            regexes.append(regex)
        }
        return QuickShape(
            nameStart: nameStart, nameCount: Int32(shape.table.names.count), requiredMask: shape.requiredMask,
            extraRequiredStart: extraRequiredStart, extraRequiredCount: Int32(names.count) - extraRequiredStart,
            patternStart: patternStart, patternCount: Int32(patterns.count) - patternStart,
            additional: shape.additional.map(Int32.init) ?? -1)
    }

    private mutating func addName(_ name: String, target: Int) {
        names.append(name)
        nameTargets.append(Int32(target))
    }

    private mutating func addTargets(_ nodes: [Int]) -> (Int32, Int32) {
        let start = Int32(targets.count)
        targets += nodes.map(Int32.init)
        return (start, Int32(nodes.count))
    }
}
