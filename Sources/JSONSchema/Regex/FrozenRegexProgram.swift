/// A ``RegexProgram`` copied into memory that never moves, so that a match needs no retain/release
/// (the hot path of `pattern` checks). Keep the object alive while its ``entry`` is used.
final class FrozenRegexProgram: Sendable {
    private let instructions: FrozenBuffer<RegexInstruction>
    private let sets: FrozenBuffer<ScalarSet>
    private let dfaClasses: FrozenBuffer<UInt8>
    private let dfaTransitions: FrozenBuffer<UInt16>
    private let dfaFlags: FrozenBuffer<UInt8>
    /// Everything a search needs, as plain data pointing into this object.
    let entry: RegexEntry

    init(_ program: RegexProgram) {
        instructions = FrozenBuffer(program.instructions)
        sets = FrozenBuffer(program.sets)
        // Straight-line programs already run in one pass; the automaton is for those that backtrack.
        let isLinear = RegexMatcher.isLinear(program)
        let dfa = isLinear ? nil : RegexDFA(program)
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

    /// Whether the pattern matches anywhere in `text` (false when the step budget runs out), like
    /// ``ECMARegex/matches(_:)``. `scratch` is a backtracking stack reused across calls.
    func matches(_ text: String, scratch: inout [RegexMatcher.BacktrackEntry]) -> Bool {
        if let outcome = text.utf8.withContiguousStorageIfAvailable({ search($0, &scratch) }) { return outcome }
        var copy = text
        return copy.withUTF8 { search($0, &scratch) }
    }

    private func search(_ input: UnsafeBufferPointer<UInt8>, _ scratch: inout [RegexMatcher.BacktrackEntry]) -> Bool {
        if let dfa, let answer = RegexDFA.matches(
            input, classOf: dfa.classOf.baseAddress!, classCount: dfa.classCount, transitions: dfa.transitions.baseAddress!,
            flags: dfa.flags.baseAddress!, start: dfa.start) { return answer }
        if isLinear {
            let matcher = RegexMatcher(code: code, sets: sets, input: input, slots: UnsafeMutableBufferPointer(start: nil, count: 0),
                                       budget: 0, canMemoize: false)
            return matcher.runLinear()
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: slotCount) { slots in
            var matcher = RegexMatcher(
                code: code, sets: sets, input: input, slots: slots,
                budget: RegexMatcher.budget(forLength: input.count), canMemoize: canMemoize)
            swap(&matcher.stack, &scratch)
            defer { swap(&matcher.stack, &scratch) }
            if case .match = matcher.search(anchored: anchoredAtStart, first: firstScalars) { return true }
            return false
        }
    }
}
