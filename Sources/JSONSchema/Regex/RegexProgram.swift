/// A compiled pattern: instructions, the sets they use, and facts that speed up the search.
struct RegexProgram: Sendable {
    /// The instructions; execution starts at 0.
    var instructions: [RegexInstruction] = []
    /// Sets referenced by ``CharacterTest/set``.
    var sets: [ScalarSet] = []
    /// Capture slots (2 per group, group 0 is the whole match) followed by loop and lookaround registers.
    var slotCount = 2
    /// Whether every match must start at the start of the input (`^...`).
    var anchoredAtStart = false
    /// Scalars a match can start with, when known (nil: any position may start a match).
    var firstScalars: CharacterTest?
    /// Whether the future of a search depends only on (instruction, position), so that a state that
    /// failed once may be skipped when reached again: true without backreferences, lookarounds and
    /// empty-iteration checks.
    var canMemoize = false
}
