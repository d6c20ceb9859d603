/// A JSON Schema compiled once (references resolved, regexes compiled, dialect chosen from `$schema`,
/// draft 2020-12 by default) and then used to validate any number of instances, from any thread.
///
/// ```swift
/// let schema = try CompiledSchema(try JSONParser.parse(schemaText))
/// let result = schema.validate(try JSONParser.parse(configText, source: 1))
/// for violation in result.violations {
///     print("\(violation.sourceLocation.line): \(violation.instanceLocation) \(violation.message)")
/// }
/// ```
public final class CompiledSchema: Sendable {
    let nodes: [SchemaNode]
    let root: Int
    let resourceURIs: [String]
    let dynamicAnchorNodes: [[String: Int]]
    /// `nodes` in memory the evaluator reads in place.
    let nodeBuffer: FrozenBuffer<SchemaNode>
    /// The quick "certainly passes" check's plans and tables.
    let plans: AssertionPlans

    /// Compiles a schema.
    /// - Parameters:
    ///   - schema: the schema document (an object or a boolean).
    ///   - registry: where references to other documents are looked up.
    ///   - options: the default dialect and whether formats are asserted.
    /// - Throws: `SchemaError` for an invalid keyword value, an unresolvable reference or a bad pattern,
    ///   located in the schema's source.
    public init(_ schema: JSONNode, registry: SchemaRegistry = SchemaRegistry(), options: ValidationOptions = .init()) throws(SchemaError) {
        let compiler = SchemaCompiler(registry: registry, options: options)
        root = try compiler.compileRoot(schema)
        nodes = compiler.nodes
        resourceURIs = compiler.resourceURIs
        dynamicAnchorNodes = compiler.dynamicAnchorNodes
        nodeBuffer = FrozenBuffer(nodes)
        plans = AssertionPlans(nodes)
    }

    /// Validates an instance and reports every violation, sorted by source location.
    public func validate(_ instance: JSONNode) -> ValidationResult {
        var evaluator = Evaluator(schema: self, reporting: true)
        if withUnsafePointer(to: instance, { evaluator.passesQuick(root, $0) }) { return ValidationResult(isValid: true, violations: []) }
        var none: Annotations? = nil
        let valid = evaluator.validate(root, instance, &none)
        var violations = evaluator.violations
        if !valid && violations.isEmpty {
            violations.append(Violation(instanceLocation: JSONPointer(), keywordLocation: JSONPointer(), absoluteKeywordLocation: nil,
                                        keyword: "", message: "does not match the schema", sourceLocation: instance.location))
        }
        let sorted = violations.enumerated().sorted {
            ($0.element.sourceLocation, $0.offset) < ($1.element.sourceLocation, $1.offset)
        }.map(\.element)
        return ValidationResult(isValid: valid, violations: sorted, referenceLoop: evaluator.referenceLoop)
    }

    /// Whether an instance is valid (stops at the first violation; nothing is reported).
    public func isValid(_ instance: JSONNode) -> Bool {
        var evaluator = Evaluator(schema: self, reporting: false)
        if withUnsafePointer(to: instance, { evaluator.passesQuick(root, $0) }) { return true }
        var none: Annotations? = nil
        return evaluator.validate(root, instance, &none)
    }
}
