/// One validation run: walks the compiled nodes over the instance tree, collecting violations when
/// `reporting`, short-circuiting otherwise. Instance and evaluation paths are stacks, turned into
/// pointers only when a violation is recorded.
struct Evaluator {
    let schema: CompiledSchema
    /// The schema's nodes and plan tables, read in place (the schema keeps them alive).
    let nodes: UnsafeBufferPointer<SchemaNode>
    let plans: UnsafeBufferPointer<AssertionPlan>
    let bounds: UnsafeBufferPointer<NumericBound>
    let boundValues: UnsafeBufferPointer<JSONValue>
    let choices: UnsafeBufferPointer<ChoiceRange>
    let choiceBytes: UnsafeBufferPointer<UInt8>
    let choiceWords: UnsafeBufferPointer<StringWords>
    let quickNodes: UnsafeBufferPointer<QuickNode>
    let shapes: UnsafeBufferPointer<QuickShape>
    let names: UnsafeBufferPointer<String>
    let nameTargets: UnsafeBufferPointer<Int32>
    let patterns: UnsafeBufferPointer<QuickPattern>
    let targets: UnsafeBufferPointer<Int32>
    var reporting: Bool
    var violations: [Violation] = []
    var path: [PathToken] = []
    var frames: [ReferenceFrame] = []
    var scope: [Int32] = []
    var depth = 0
    /// The first reference loop met (see `recordReferenceLoop`).
    var referenceLoop: Violation?
    /// How many more unknown keys may get a "did you mean" (see `unknownKey`).
    var suggestionsLeft = Evaluator.maxSuggestions
    static let maxSuggestions = 50
    static let maxSuggestionCandidates = 1_000
    /// `pattern` and `patternProperties` searches of the quick check.
    var patternMatcher: PatternMatcher

    /// How many nested schema applications are allowed (reference loops, absurdly deep instances).
    static let maxDepth = 400

    init(schema: CompiledSchema, reporting: Bool) {
        self.schema = schema
        nodes = schema.nodeBuffer.buffer
        plans = schema.plans.plans.buffer
        bounds = schema.plans.bounds.buffer
        boundValues = schema.plans.boundValues.buffer
        patternMatcher = PatternMatcher(schema.plans)
        choices = schema.plans.choices.buffer
        choiceBytes = schema.plans.choiceBytes.buffer
        choiceWords = schema.plans.choiceWords.buffer
        quickNodes = schema.plans.quick.buffer
        shapes = schema.plans.shapes.buffer
        names = schema.plans.names.buffer
        nameTargets = schema.plans.nameTargets.buffer
        patterns = schema.plans.patterns.buffer
        targets = schema.plans.targets.buffer
        self.reporting = reporting
    }

    /// Validates `instance` against node `index`; adds what was evaluated to `annotations` when asked.
    mutating func validate(_ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        if let boolean = nodes[index].boolean {
            if !boolean { report(index, "false", "no value is allowed here", instance.location) }
            return boolean
        }
        if depth >= Self.maxDepth {
            report(index, "$ref", "schema nesting deeper than \(Self.maxDepth) levels (a reference loop?)", instance.location)
            return false
        }
        depth += 1
        let resource = nodes[index].resource
        let enteredResource = scope.last != resource
        if enteredResource { scope.append(resource) }
        var local: Annotations? = (annotations != nil || nodes[index].collectsAnnotations) ? Annotations() : nil
        var valid = true
        let keywords = nodes[index].keywords
        for position in keywords.indices where !apply(keywords[position], index, instance, &local) {
            valid = false
            if !reporting { break }
        }
        if enteredResource { scope.removeLast() }
        depth -= 1
        if valid, annotations != nil, let local { annotations!.merge(local) }
        return valid
    }

    /// Validates without reporting (inside `anyOf`, `oneOf`, `not`, `if`).
    mutating func silently(_ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        let saved = reporting
        reporting = false
        defer { reporting = saved }
        return validate(index, instance, &annotations)
    }

    /// Validates a child value (array element or member) pushed on the instance path.
    mutating func validate(_ index: Int, child: JSONNode, at token: PathToken) -> Bool {
        if withUnsafePointer(to: child, { passesQuick(index, $0) }) { return true }
        return evaluate(index, child: child, at: token)
    }

    /// Like `validate(_:child:at:)` for a child whose quick check already said "not sure".
    mutating func evaluate(_ index: Int, child: JSONNode, at token: PathToken) -> Bool {
        path.append(token)
        var none: Annotations? = nil
        let valid = validate(index, child, &none)
        path.removeLast()
        return valid
    }

    /// Records the first reference that would evaluate a schema again at the same instance location
    /// (whether or not reporting: the schema cannot decide this instance), and reports it.
    mutating func recordReferenceLoop(_ index: Int, _ keyword: String, _ location: SourceLocation) {
        let violation = Violation(
            instanceLocation: JSONPointer(path.map(\.token)),
            keywordLocation: keywordLocation(index, keyword),
            absoluteKeywordLocation: absoluteLocation(index, keyword),
            keyword: keyword,
            message: "the schema refers to itself here without moving into the value ('\(keyword)' evaluates the same schema again at the same place: infinite recursion)",
            sourceLocation: location)
        if referenceLoop == nil { referenceLoop = violation }
        if reporting { violations.append(violation) }
    }

    /// Records a violation at the current instance path (plus `extra` token) when reporting.
    mutating func report(_ index: Int, _ keyword: String, _ message: @autoclosure () -> String,
                         _ location: SourceLocation, extra: PathToken? = nil) {
        guard reporting else { return }
        var instanceTokens = path.map(\.token)
        if let extra { instanceTokens.append(extra.token) }
        violations.append(Violation(
            instanceLocation: JSONPointer(instanceTokens),
            keywordLocation: keywordLocation(index, keyword),
            absoluteKeywordLocation: absoluteLocation(index, keyword),
            keyword: keyword, message: message(), sourceLocation: location))
    }

    private func keywordLocation(_ index: Int, _ keyword: String) -> JSONPointer {
        var tokens: [String] = []
        var entry = schema.root
        for frame in frames {
            tokens += relative(nodes[frame.referringNode].documentPointer, to: entry)
            tokens.append(frame.keyword)
            entry = frame.target
        }
        tokens += relative(nodes[index].documentPointer, to: entry)
        tokens.append(keyword)
        return JSONPointer(tokens)
    }

    private func relative(_ pointer: [String], to entry: Int) -> ArraySlice<String> {
        let base = nodes[entry].documentPointer
        return pointer.starts(with: base) ? pointer.dropFirst(base.count) : pointer[...]
    }

    private func absoluteLocation(_ index: Int, _ keyword: String) -> String? {
        let node = nodes[index]
        let uri = schema.resourceURIs[Int(node.resource)]
        guard uri != SchemaCompiler.defaultBase else { return nil }
        return uri + "#" + JSONPointer(node.resourcePointer + [keyword]).description
    }
}
