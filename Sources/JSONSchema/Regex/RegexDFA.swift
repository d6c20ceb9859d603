/// A deterministic automaton answering the yes/no question of `pattern` (does the pattern match
/// somewhere in the text) for ASCII text, in one pass of one table lookup per byte.
///
/// Built when a schema is compiled, for programs made only of forward single-scalar steps,
/// repetitions, alternations, jumps, saves and `^`/`$` (no backreferences, lookarounds or word
/// boundaries): for those, whether a match exists does not depend on the order the backtracker tries
/// paths (greedy, lazy and possessive-where-it-cannot-matter repetitions accept the same texts), so
/// the subset construction over (instruction, repetition count) threads gives the same answer.
/// Bytes are grouped into classes that every test of the program treats alike; a state is a set of
/// consuming threads plus whether a match was reached (anywhere, or only at the end of the text).
struct RegexDFA: Sendable {
    /// The class of each ASCII byte.
    let classOf: [UInt8]
    let classCount: Int
    /// `transitions[state * classCount + class]`; state 0 is dead (no thread left).
    let transitions: [UInt16]
    /// Per state: bit 0 a match was reached, bit 1 a match is reached if the text ends here.
    let flags: [UInt8]
    let start: UInt16

    /// Most states a pattern may need (beyond that the backtracker is used).
    static let stateLimit = 1024

    /// The automaton of `program`, or nil when it uses an instruction outside the subset above or
    /// needs more than ``stateLimit`` states.
    init?(_ program: RegexProgram) {
        var builder = RegexDFABuilder(code: program.instructions, unanchored: !program.anchoredAtStart)
        guard builder.classify(), let start = builder.build() else { return nil }
        classOf = builder.classOf
        classCount = builder.classCount
        transitions = builder.transitions
        flags = builder.flags
        self.start = start
    }
}

extension RegexDFA {
    /// Runs the automaton over frozen tables: whether the pattern matches, or nil at the first
    /// non-ASCII byte (the backtracker answers then). `classOf` has 128 entries.
    @inline(__always)
    static func matches(_ input: UnsafeBufferPointer<UInt8>, classOf: UnsafePointer<UInt8>, classCount: Int,
                        transitions: UnsafePointer<UInt16>, flags: UnsafePointer<UInt8>, start: UInt16) -> Bool? {
        var state = Int(start)
        for byte in input {
            if flags[state] & 1 != 0 { return true }
            if state == 0 { return false }
            guard byte < 0x80 else { return nil }
            state = Int(transitions[state &* classCount &+ Int(classOf[Int(byte)])])
        }
        return flags[state] != 0
    }
}
