/// A ``RegexProgram`` copied into memory that never moves, so that a match needs no retain/release
/// (the hot path of `pattern` checks). Keep the object alive while its ``entry`` is used.
final class FrozenRegexProgram: Sendable {
    private let program: RegexProgram
    private let instructions: FrozenBuffer<RegexInstruction>
    private let sets: FrozenBuffer<ScalarSet>
    private let dfaClasses: FrozenBuffer<UInt8>
    private let dfaTransitions: FrozenBuffer<UInt16>
    private let dfaFlags: FrozenBuffer<UInt8>
    /// Everything a search needs, as plain data pointing into this object.
    let entry: RegexEntry

    /// Freezes a program. Straight-line programs already run in one pass, so by default only those
    /// that backtrack get the automaton (building one costs more than compiling a small schema);
    /// `withAutomaton()` adds it later for a pattern that turns out to be used often.
    init(_ program: RegexProgram, automaton: Bool = false) {
        self.program = program
        instructions = FrozenBuffer(program.instructions)
        sets = FrozenBuffer(program.sets)
        let isLinear = RegexMatcher.isLinear(program)
        let dfa = isLinear && !automaton ? nil : RegexDFA(program)
        let classes = FrozenBuffer(dfa?.classOf ?? []), transitions = FrozenBuffer(dfa?.transitions ?? [])
        let flags = FrozenBuffer(dfa?.flags ?? [])
        (dfaClasses, dfaTransitions, dfaFlags) = (classes, transitions, flags)
        entry = RegexEntry(code: instructions.buffer, sets: sets.buffer, slotCount: program.slotCount,
                           anchoredAtStart: program.anchoredAtStart, firstScalars: program.firstScalars,
                           canMemoize: program.canMemoize, isLinear: isLinear,
                           dfa: dfa.map { RegexEntry.FrozenDFA(classOf: classes.buffer, classCount: $0.classCount,
                                                               transitions: transitions.buffer, flags: flags.buffer,
                                                               start: $0.start) })
    }

    /// The same program with its ASCII automaton, or nil when it has one already or cannot have one.
    func withAutomaton() -> FrozenRegexProgram? {
        guard entry.dfa == nil else { return nil }
        let upgraded = FrozenRegexProgram(program, automaton: true)
        return upgraded.entry.dfa == nil ? nil : upgraded
    }
}

/// A frozen program as plain data (valid while its ``FrozenRegexProgram`` lives).
struct RegexEntry: @unchecked Sendable {
    let code: UnsafeBufferPointer<RegexInstruction>
    let sets: UnsafeBufferPointer<ScalarSet>
    let slotCount: Int
    let anchoredAtStart: Bool
    let firstScalars: CharacterTest?
    let canMemoize: Bool
    /// Whether the program never backtracks (``RegexMatcher/isLinear(_:)``).
    let isLinear: Bool
    /// The ASCII automaton (``RegexDFA``) as pointers into the frozen program, when the pattern has one.
    let dfa: FrozenDFA?

    struct FrozenDFA {
        let classOf: UnsafeBufferPointer<UInt8>
        let classCount: Int
        let transitions: UnsafeBufferPointer<UInt16>
        let flags: UnsafeBufferPointer<UInt8>
        let start: UInt16
    }

    /// Whether the pattern at `entry` matches anywhere in `text` (false when the step budget runs out),
    /// like ``ECMARegex/matches(_:)``. `scratch` is a backtracking stack reused across calls. Static and
    /// through a pointer, so that the entry is read in place rather than copied for the call.
    static func matches(_ entry: UnsafePointer<RegexEntry>, _ text: String, scratch: inout [RegexMatcher.BacktrackEntry]) -> Bool {
        StringBytes.with(text) { search(entry, $0, &scratch) }
    }

    private static func search(_ entry: UnsafePointer<RegexEntry>, _ input: UnsafeBufferPointer<UInt8>,
                               _ scratch: inout [RegexMatcher.BacktrackEntry]) -> Bool {
        if let dfa = entry.pointee.dfa, let answer = RegexDFA.matches(
            input, classOf: dfa.classOf.baseAddress!, classCount: dfa.classCount, transitions: dfa.transitions.baseAddress!,
            flags: dfa.flags.baseAddress!, start: dfa.start) { return answer }
        let code = entry.pointee.code, sets = entry.pointee.sets
        if entry.pointee.isLinear {
            let matcher = RegexMatcher(code: code, sets: sets, input: input, slots: UnsafeMutableBufferPointer(start: nil, count: 0),
                                       budget: 0, canMemoize: false)
            return matcher.runLinear()
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: entry.pointee.slotCount) { slots in
            var matcher = RegexMatcher(
                code: code, sets: sets, input: input, slots: slots,
                budget: RegexMatcher.budget(forLength: input.count), canMemoize: entry.pointee.canMemoize)
            swap(&matcher.stack, &scratch)
            defer { swap(&matcher.stack, &scratch) }
            if case .match = matcher.search(anchored: entry.pointee.anchoredAtStart, first: entry.pointee.firstScalars) { return true }
            return false
        }
    }
}
