/// One way an instance fails its schema.
public struct Violation: Sendable, Equatable {
    /// Where in the instance: `/script-behavior/rate-limiting/burst-size`.
    public var instanceLocation: JSONPointer
    /// The keyword's evaluation path through the schema (across `$ref`s): `/properties/global/$ref/type`.
    public var keywordLocation: JSONPointer
    /// The keyword's absolute location: schema resource URI plus JSON-pointer fragment.
    public var absoluteKeywordLocation: String?
    /// The failing keyword, e.g. `type`, `required`, `additionalProperties`.
    public var keyword: String
    /// What is wrong, for a person: `must be an integer, found 1.5`, `unknown key 'burts-size'`.
    public var message: String
    /// Where the offending value is in its source (for an unknown key: where the key is).
    public var sourceLocation: SourceLocation

    /// Creates a violation.
    public init(
        instanceLocation: JSONPointer, keywordLocation: JSONPointer, absoluteKeywordLocation: String?,
        keyword: String, message: String, sourceLocation: SourceLocation
    ) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
        self.sourceLocation = sourceLocation
    }
}

/// The outcome of validating one instance: valid, or every violation sorted by source location.
public struct ValidationResult: Sendable {
    /// Whether the instance is valid.
    public var isValid: Bool
    /// Every violation, sorted by source location (empty when valid).
    public var violations: [Violation]

    /// The first `$ref`/`$dynamicRef` that would have evaluated the same schema again at the same
    /// instance location (an infinitely recursive schema), or nil. When set, the schema cannot be used
    /// to decide this instance: callers report it as a schema error, not as an invalid instance.
    public var referenceLoop: Violation?

    /// Creates a result.
    public init(isValid: Bool, violations: [Violation], referenceLoop: Violation? = nil) {
        self.isValid = isValid
        self.violations = violations
        self.referenceLoop = referenceLoop
    }
}
