/// The assertion keywords of one schema node as plain data (no references, no retains), for a quick
/// "does this value certainly pass?" check before the full evaluator runs.
///
/// A plan may only say *pass* when every keyword of the node passes; whenever it cannot be sure
/// (a number equal to a bound, a non-integral `.number` against `integer`, …) it says *not sure* and
/// the full evaluator decides and reports.
struct AssertionPlan: Sendable {
    /// Whether the node can be checked by its plan at all.
    var usable = false
    /// `type` as `TypeMask` bits (all types when absent).
    var types: UInt8 = 0x7F
    /// Numeric bounds: `bounds[boundStart ..< boundStart + boundCount]` of `AssertionPlans`.
    var boundStart: Int32 = 0
    var boundCount: Int32 = 0
    /// `minLength` / `maxLength` in Unicode scalars.
    var minLength = 0
    var maxLength = Int.max
    /// `pattern`: an index into `AssertionPlans.regexes`, or -1.
    var regex: Int32 = -1
    /// `enum`/`const` of strings: `choices[choiceStart ..< choiceStart + choiceCount]`, when `hasChoices`.
    var hasChoices = false
    var choiceStart: Int32 = 0
    var choiceCount: Int32 = 0
    /// `format`, when asserted.
    var format: FormatKind = .unknown
}

/// One numeric bound (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`).
struct NumericBound: Sendable {
    /// Whether the value must be above (true) or below (false) the bound.
    var isLower: Bool
    var isExclusive: Bool
    /// Whether the bound is an `.integer` (then `integer` is exact).
    var isInteger: Bool
    var integer: Int64
    var double: Double
}

/// A string an `enum`/`const` admits, as a range of `AssertionPlans.choiceBytes`.
struct ChoiceRange: Sendable {
    var start: Int32
    var count: Int32
}
