/// How a single-scalar repetition gives back or takes more input.
enum RepeatMode: Sendable {
    /// Takes as many as possible, gives back one at a time.
    case greedy
    /// Takes as few as possible, takes one more at a time.
    case lazy
    /// Takes as many as possible and never gives back (used when giving back cannot help).
    case possessive
}

/// One instruction of the backtracking machine (see ``RegexMatcher``).
enum RegexInstruction: Sendable {
    /// Consumes one scalar that passes the test (forward).
    case character(CharacterTest)
    /// Consumes one scalar, before the position, that passes the test (inside lookbehind).
    case characterBackward(CharacterTest)
    /// Consumes `min...max` scalars that pass the test (`max` is `Int32.max` when unbounded).
    case repeatCharacter(CharacterTest, min: Int32, max: Int32, mode: RepeatMode, backward: Bool)
    /// Continues at `first`; on failure, at `second`.
    case split(first: Int32, second: Int32)
    /// Continues at `target`.
    case jump(Int32)
    /// Stores the position in a slot (capture bound or loop register), undone on backtracking.
    case save(slot: Int32)
    /// Resets the capture slots `from..<to` (each iteration of a quantified group starts without them).
    case clearSlots(from: Int32, to: Int32)
    /// Fails when the position equals the one saved in `slot` (an iteration that matched nothing).
    case requireProgress(slot: Int32)
    /// `^`.
    case assertStart
    /// `$`.
    case assertEnd
    /// `\b` or `\B`.
    case wordBoundary(negated: Bool)
    /// Matches the text of capture `group` again.
    case backreference(group: Int32, backward: Bool)
    /// Starts a lookaround whose body follows; `slot` remembers the barrier, `end` is after the body.
    case lookStart(slot: Int32, negated: Bool, end: Int32)
    /// Ends a lookaround body.
    case lookEnd(slot: Int32, negated: Bool)
    /// The whole pattern matched.
    case match
}
