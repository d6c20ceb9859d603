/// `RB-SCH-…`: JSON Schemas (the configuration schema, `runbook validate --schema`).
/// Next free: RB-SCH-004.
extension ErrorCode {
    /// RB-SCH-001: The configuration schema is missing.
    public static let schemaMissing = ErrorCode(
        .schema, 1, meaning: "The configuration schema is missing",
        fix: "Run from the project root (or set `RUNBOOK_PROJECT_ROOT`); restore the schema from git if it was deleted")
    /// RB-SCH-002: A schema is not a valid JSON Schema.
    public static let schemaInvalid = ErrorCode(
        .schema, 2, meaning: "A schema is not a valid JSON Schema",
        fix: "Fix the schema at the position shown (draft 2020-12 or draft-07)")
    /// RB-SCH-003: A schema refers to itself without moving into the value.
    public static let schemaInfinitelyRecursive = ErrorCode(
        .schema, 3, meaning: "A schema refers to itself without moving into the value",
        fix: "Make every path back to the same schema go through `properties`, `items` or a similar keyword")
}
