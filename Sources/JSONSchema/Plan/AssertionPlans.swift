/// Every node's `AssertionPlan` and `QuickNode`, and the tables they point into, built once per
/// `CompiledSchema`.
struct AssertionPlans: Sendable {
    /// Per node: its plannable assertions (meaningful where `quick[index].supported`).
    let plans: FrozenBuffer<AssertionPlan>
    /// Per node: its structural keywords for the quick check.
    let quick: FrozenBuffer<QuickNode>
    let bounds: FrozenBuffer<NumericBound>
    /// The bounds as written, for exact comparisons of values equal to a bound's `Double`.
    let boundValues: FrozenBuffer<JSONValue>
    let regexes: FrozenBuffer<RegexEntry>
    /// Owns the memory `regexes` points into.
    let regexPrograms: [FrozenRegexProgram]
    let choices: FrozenBuffer<ChoiceRange>
    let choiceBytes: FrozenBuffer<UInt8>
    /// Per choice: the words of the string (`StringBytes.words`), for a comparison without a byte loop.
    let choiceWords: FrozenBuffer<StringWords>
    private let choiceStrings: [String]
    let shapes: FrozenBuffer<QuickShape>
    let names: FrozenBuffer<String>
    /// Per declared name of a shape: the node its value must pass.
    let nameTargets: FrozenBuffer<Int32>
    let patterns: FrozenBuffer<QuickPattern>
    /// Node indices that `prefixItems`, `allOf` and `anyOf` ranges point into.
    let targets: FrozenBuffer<Int32>

    /// The most strings an `enum` may list and still be checked by a plan (a linear scan).
    static let maxChoices = 64

    /// How many `$ref`-only nodes may be followed to find the node whose plan applies.
    static let maxReferenceChain = 16

    init(_ nodes: [SchemaNode]) {
        var builder = Builder()
        var plans: [AssertionPlan] = []
        var quick: [QuickNode] = []
        plans.reserveCapacity(nodes.count)
        quick.reserveCapacity(nodes.count)
        for node in nodes {
            let (plan, structure) = builder.quickNode(for: node)
            plans.append(plan)
            quick.append(structure)
        }
        // A node that is only a `$ref` passes exactly when its target does.
        for index in nodes.indices {
            var target = index
            for _ in 0..<Self.maxReferenceChain {
                guard let next = Self.soleReference(nodes[target]) else { break }
                target = next
            }
            if target != index, Self.soleReference(nodes[target]) == nil {
                plans[index] = plans[target]
                quick[index] = quick[target]
            }
        }
        Self.breakInPlaceCycles(&quick, targets: builder.targets)
        self.plans = FrozenBuffer(plans)
        self.quick = FrozenBuffer(quick)
        bounds = FrozenBuffer(builder.bounds)
        boundValues = FrozenBuffer(builder.boundValues)
        regexPrograms = builder.regexes.map { FrozenRegexProgram($0.program) }
        regexes = FrozenBuffer(regexPrograms.map(\.entry))
        choices = FrozenBuffer(builder.choices)
        choiceBytes = FrozenBuffer(builder.choiceBytes)
        choiceWords = FrozenBuffer(builder.choiceWords)
        choiceStrings = builder.choiceStrings
        shapes = FrozenBuffer(builder.shapes)
        names = FrozenBuffer(builder.names)
        nameTargets = FrozenBuffer(builder.nameTargets)
        patterns = FrozenBuffer(builder.patterns)
        targets = FrozenBuffer(builder.targets)
    }

    /// The target of a node whose only keyword is `$ref`.
    private static func soleReference(_ node: SchemaNode) -> Int? {
        guard node.boolean == nil, node.keywords.count == 1, case .ref(let target) = node.keywords[0].kind else { return nil }
        return target
    }

    /// Accumulates the tables while plans are made.
    struct Builder {
        var bounds: [NumericBound] = []
        var boundValues: [JSONValue] = []
        var regexes: [ECMARegex] = []
        var choices: [ChoiceRange] = []
        var choiceBytes: [UInt8] = []
        var choiceWords: [StringWords] = []
        /// Keeps the strings behind `choiceWords` alive.
        var choiceStrings: [String] = []
        var shapes: [QuickShape] = []
        var names: [String] = []
        var nameTargets: [Int32] = []
        var patterns: [QuickPattern] = []
        var targets: [Int32] = []

        /// Adds one keyword to the plan; false when the keyword cannot be planned.
        mutating func add(_ kind: Keyword, to plan: inout AssertionPlan) -> Bool {
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
                boundValues.append(bound)
            case .number(let number):
                guard number.double.isFinite else { return false }
                bounds.append(NumericBound(isLower: lower, isExclusive: exclusive, isInteger: false, integer: 0, double: number.double))
                boundValues.append(bound)
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
                let native = String(decoding: Array(string.utf8), as: UTF8.self)
                choiceStrings.append(native)
                choiceWords.append(StringBytes.words(native))
            }
            return true
        }
    }
}
