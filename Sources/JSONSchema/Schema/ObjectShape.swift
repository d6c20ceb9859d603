/// The object keywords of one schema combined, so that an instance object is walked once.
final class ObjectShape: Sendable {
    let table: PropertyTable
    let patterns: [(ECMARegex, Int)]
    let additional: Int?
    /// Required names with their slot in `table` (-1 when not a declared property).
    let required: [(String, Int)]
    /// Bits of the required slots.
    let requiredMask: UInt64
    let hasUnslottedRequired: Bool

    init(table: PropertyTable, patterns: [(ECMARegex, Int)], additional: Int?, required: [(String, Int)],
         requiredMask: UInt64, hasUnslottedRequired: Bool) {
        self.table = table
        self.patterns = patterns
        self.additional = additional
        self.required = required
        self.requiredMask = requiredMask
        self.hasUnslottedRequired = hasUnslottedRequired
    }
}
