/// Every node's `AssertionPlan` and the tables the plans point into, built once per `CompiledSchema`.
struct AssertionPlans: Sendable {
    let plans: FrozenBuffer<AssertionPlan>
    let bounds: FrozenBuffer<NumericBound>
    let regexes: FrozenBuffer<RegexEntry>
    /// Owns the memory `regexes` points into.
    let regexPrograms: [FrozenRegexProgram]
    let choices: FrozenBuffer<ChoiceRange>
    let choiceBytes: FrozenBuffer<UInt8>

    /// The most strings an `enum` may list and still be checked by a plan (a linear scan).
    static let maxChoices = 64

    /// How many `$ref`-only nodes may be followed to find the node whose plan applies.
    static let maxReferenceChain = 16

    init(_ nodes: [SchemaNode]) {
        var builder = Builder()
        var plans = nodes.map { builder.plan(for: $0) }
        // A node that is only a `$ref` passes exactly when its target does.
        for index in nodes.indices where !plans[index].usable {
            var target = index
            for _ in 0..<Self.maxReferenceChain {
                guard let next = Self.soleReference(nodes[target]) else { break }
                target = next
                if plans[target].usable { break }
            }
            if target != index, plans[target].usable { plans[index] = plans[target] }
        }
        self.plans = FrozenBuffer(plans)
        bounds = FrozenBuffer(builder.bounds)
        regexPrograms = builder.regexes.map { FrozenRegexProgram($0.program) }
        regexes = FrozenBuffer(regexPrograms.map(\.entry))
        choices = FrozenBuffer(builder.choices)
        choiceBytes = FrozenBuffer(builder.choiceBytes)
    }

    /// The target of a node whose only keyword is `$ref`.
    private static func soleReference(_ node: SchemaNode) -> Int? {
        guard node.boolean == nil, node.keywords.count == 1, case .ref(let target) = node.keywords[0].kind else { return nil }
        return target
    }

    /// Accumulates the tables while plans are made.
    private struct Builder {
        var bounds: [NumericBound] = []
        var regexes: [ECMARegex] = []
        var choices: [ChoiceRange] = []
        var choiceBytes: [UInt8] = []

        mutating func plan(for node: SchemaNode) -> AssertionPlan {
            var plan = AssertionPlan()
            if let boolean = node.boolean {
                plan.usable = boolean
                return plan
            }
            plan.boundStart = Int32(bounds.count)
            for keyword in node.keywords {
                guard add(keyword.kind, to: &plan) else { return AssertionPlan() }
            }
            plan.boundCount = Int32(bounds.count) - plan.boundStart
            plan.usable = true
            return plan
        }

        /// Adds one keyword to the plan; false when the keyword cannot be planned.
        private mutating func add(_ kind: Keyword, to plan: inout AssertionPlan) -> Bool {
            switch kind {
            case .type(let mask): plan.types = mask.rawValue
            case .minimum(let bound): return addBound(bound, lower: true, exclusive: false)
            case .maximum(let bound): return addBound(bound, lower: false, exclusive: false)
            case .exclusiveMinimum(let bound): return addBound(bound, lower: true, exclusive: true)
            case .exclusiveMaximum(let bound): return addBound(bound, lower: false, exclusive: true)
            case .minLength(let limit): plan.minLength = max(plan.minLength, limit)
            case .maxLength(let limit): plan.maxLength = min(plan.maxLength, limit)
            case .pattern(let regex, _):
                guard plan.regex < 0 else { return false }
                plan.regex = Int32(regexes.count)
                regexes.append(regex)
            case .format(let name): plan.format = FormatKind(name: name)
            case .const(.string(let text)): return addChoices([text], to: &plan)
            case .enumeration(_, let strings?, _): return addChoices(strings, to: &plan)
            default: return false
            }
            return true
        }

        private mutating func addBound(_ bound: JSONValue, lower: Bool, exclusive: Bool) -> Bool {
            switch bound {
            case .integer(let integer):
                bounds.append(NumericBound(isLower: lower, isExclusive: exclusive, isInteger: true, integer: integer, double: Double(integer)))
            case .number(let number):
                guard number.double.isFinite else { return false }
                bounds.append(NumericBound(isLower: lower, isExclusive: exclusive, isInteger: false, integer: 0, double: number.double))
            default:
                return false
            }
            return true
        }

        private mutating func addChoices(_ strings: [String], to plan: inout AssertionPlan) -> Bool {
            guard !plan.hasChoices, strings.count <= AssertionPlans.maxChoices else { return false }
            plan.hasChoices = true
            plan.choiceStart = Int32(choices.count)
            plan.choiceCount = Int32(strings.count)
            for string in strings {
                choices.append(ChoiceRange(start: Int32(choiceBytes.count), count: Int32(string.utf8.count)))
                choiceBytes.append(contentsOf: string.utf8)
            }
            return true
        }
    }
}
