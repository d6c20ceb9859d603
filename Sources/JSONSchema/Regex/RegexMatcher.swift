/// Runs a ``RegexProgram`` over UTF-8 bytes with an explicit backtracking stack and a step budget.
///
/// Positions are byte offsets that always sit on scalar boundaries; ASCII bytes are tested against the
/// inline bitmaps of each ``CharacterTest`` without decoding. Nothing recurses, so the depth of a pattern
/// or the length of the input cannot overflow the native stack.
struct RegexMatcher {
    /// The result of a search, in byte offsets.
    enum Outcome: Equatable {
        /// The leftmost match, as a byte range.
        case match(Range<Int>)
        /// No match anywhere.
        case noMatch
        /// The step budget ran out before an answer.
        case budgetExceeded
    }

    /// One way to resume after a failure.
    enum BacktrackEntry {
        /// Continue at `pc` with the position `position` (the other branch of a split).
        case resume(pc: Int32, position: Int)
        /// Put `value` back into `slot` (undoing a save or a clear).
        case restore(slot: Int32, value: Int)
        /// A greedy repetition ending at `position` may give back one scalar, down to `floor`.
        case giveBack(pc: Int32, position: Int, floor: Int, backward: Bool)
        /// A lazy repetition (instruction `pc`) that has taken `count` scalars up to `position` may take one more.
        case takeMore(pc: Int32, position: Int, count: Int32)
        /// A lookaround started at `position`; popping it means its body failed.
        case barrier(end: Int32, position: Int, negated: Bool)
    }

    /// The program's instructions.
    let code: UnsafeBufferPointer<RegexInstruction>
    /// The program's sets (consulted for non-ASCII scalars).
    let sets: UnsafeBufferPointer<ScalarSet>
    /// The input as UTF-8.
    let input: UnsafeBufferPointer<UInt8>
    /// Capture bounds and registers, -1 when unset.
    let slots: UnsafeMutableBufferPointer<Int>
    /// Choice points and undo records, newest last.
    var stack: [BacktrackEntry] = []
    /// Steps taken so far in this search (all start positions together).
    var steps = 0
    /// The most steps allowed.
    let budget: Int
    /// Whether failed states may be remembered (see ``RegexProgram/canMemoize``).
    let canMemoize: Bool
    /// One bit per (instruction, position) already explored; empty until a search gets expensive.
    var visited: [UInt64] = []

    /// The step budget for an input of `length` bytes: a million steps, more for long inputs.
    static func budget(forLength length: Int) -> Int { max(1_000_000, length * 50) }

    /// The most backtracking entries kept at once (16 MB); a search needing more counts as over budget.
    static let maxBacktrackEntries = 500_000

    /// Steps after which a memoizable search starts remembering failed states.
    static let memoizeAfterSteps = 20_000

    /// The largest memo, in 64-bit words (8 MB).
    static let maxVisitedWords = 1 << 20

    /// Finds the leftmost match of `program` in `input`.
    static func search(_ program: RegexProgram, in input: UnsafeBufferPointer<UInt8>) -> Outcome {
        program.instructions.withUnsafeBufferPointer { code in
            program.sets.withUnsafeBufferPointer { sets in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: program.slotCount) { slots in
                    var matcher = RegexMatcher(
                        code: code, sets: sets, input: input, slots: slots,
                        budget: budget(forLength: input.count), canMemoize: program.canMemoize)
                    return matcher.search(anchored: program.anchoredAtStart, first: program.firstScalars)
                }
            }
        }
    }

    mutating func search(anchored: Bool, first: CharacterTest?) -> Outcome {
        var start = 0
        while start <= input.count {
            if let first, !anchored {
                guard let candidate = nextCandidate(from: start, first) else { return .noMatch }
                start = candidate
            }
            slots.initialize(repeating: -1)
            steps &+= slots.count >> 4  // so patterns with thousands of groups stay within the budget too
            if !stack.isEmpty { stack.removeAll(keepingCapacity: true) }
            switch run(from: start) {
            case true?: return .match(slots[0]..<slots[1])
            case nil: return .budgetExceeded
            case false?: break
            }
            if anchored || start == input.count { break }
            start = nextBoundary(after: start)
        }
        return .noMatch
    }

    /// The first scalar boundary at or after `start` whose scalar may begin a match.
    private func nextCandidate(from start: Int, _ first: CharacterTest) -> Int? {
        var position = start
        while position < input.count {
            let byte = input[position]
            if byte < 0x80 {
                if first.matchesASCII(byte) { return position }
            } else if byte & 0xC0 != 0x80, first.allowsNonASCII {
                if sets[Int(first.set)].containsSlowly(decode(at: position).scalar) { return position }
            }
            position += 1
        }
        return nil
    }
}
