/// What the quick check needs of one schema node besides its `AssertionPlan`: the structural
/// keywords (objects, arrays, `$ref`, `allOf`, `anyOf`) as plain numbers, so that a whole subtree
/// of the instance can be checked through pointers, without paths, annotations or retains.
///
/// The quick check answers "certainly passes" or "not sure"; every keyword it handles is monotone
/// (a subschema that certainly passes can only help), so a "not sure" anywhere below simply makes
/// the full evaluator decide, and report, for that part of the instance.
struct QuickNode: Sendable {
    /// Whether the quick check can ever say "passes" for this node (false for `false`, for nodes
    /// with keywords it does not handle such as `not`, `oneOf`, `if`, `unevaluated*`).
    var supported = false
    /// Objects: member count bounds, the combined shape (index into `AssertionPlans.shapes`, or -1),
    /// `required` names without a shape (`AssertionPlans.names`), `propertyNames` (node index or -1).
    var minProperties = 0
    var maxProperties = Int.max
    var shape: Int32 = -1
    var requiredStart: Int32 = 0
    var requiredCount: Int32 = 0
    var propertyNames: Int32 = -1
    /// Arrays: item count bounds, `prefixItems` (`AssertionPlans.targets`), `items` from `itemsFrom` on
    /// (node index or -1), `uniqueItems`.
    var minItems = 0
    var maxItems = Int.max
    var prefixStart: Int32 = 0
    var prefixCount: Int32 = 0
    var items: Int32 = -1
    var itemsFrom: Int32 = 0
    var uniqueItems = false
    /// In place: `$ref` and `allOf` targets that must all pass, `anyOf` targets of which one must.
    var allStart: Int32 = 0
    var allCount: Int32 = 0
    var anyStart: Int32 = 0
    var anyCount: Int32 = 0
    /// Whether any of the object, array or in-place parts above is present.
    var hasStructure = false
}

/// `properties`, `patternProperties`, `additionalProperties` and `required` of one node, for the
/// quick check (the same combination as `ObjectShape`).
struct QuickShape: Sendable {
    /// The declared names: `AssertionPlans.names`/`nameTargets` from `nameStart`.
    var nameStart: Int32
    var nameCount: Int32
    /// The bits of the declared names that are required.
    var requiredMask: UInt64
    /// Required names that are not declared properties (`AssertionPlans.names`).
    var extraRequiredStart: Int32
    var extraRequiredCount: Int32
    /// `patternProperties`: `AssertionPlans.patterns` from `patternStart`.
    var patternStart: Int32
    var patternCount: Int32
    /// `additionalProperties`' node, or -1 when absent.
    var additional: Int32
}

/// A `patternProperties` entry: a regex of `AssertionPlans.regexes` and the node it applies.
struct QuickPattern: Sendable {
    var regex: Int32
    var target: Int32
}
