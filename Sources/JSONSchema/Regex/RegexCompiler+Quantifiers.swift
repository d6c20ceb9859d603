extension RegexCompiler {
    /// Compiles `atom{min,max}`.
    mutating func compileQuantified(
        _ atom: RegexNode, min: Int, max: Int?, greedy: Bool, backward: Bool, follower: Follower
    ) throws(ECMARegexError) {
        if let set = atom.singleScalarSet {
            var mode: RepeatMode = greedy ? .greedy : .lazy
            if greedy, !backward, Self.nothingToGiveBack(set, before: follower) { mode = .possessive }
            let upper = max.map { Int32(Swift.min($0, Int(Int32.max))) } ?? Int32.max
            emit(.repeatCharacter(test(for: set), min: Int32(min), max: upper, mode: mode, backward: backward))
            return
        }
        // Nothing to repeat (`(?:){1000000}`), or zero repetitions: no instructions. Every other atom emits
        // at least one instruction per copy, so the size check below bounds the unrolling loops.
        if max == 0 || atom.emitsNothing { return }
        let clear: RegexInstruction? = atom.captureRange.map {
            .clearSlots(from: Int32(2 * $0.lowerBound), to: Int32(2 * $0.upperBound + 2))
        }
        for _ in 0..<min {
            try checkSize()
            if let clear { emit(clear) }
            try compile(atom, backward: backward, follower: .unknown)
        }
        let progressSlot: Int32? = atom.canMatchEmpty ? newSlot() : nil
        guard let max else {
            let loop = nextAddress
            emit(.split(first: 0, second: 0))
            try compileIteration(atom, clear: clear, progressSlot: progressSlot, backward: backward)
            emit(.jump(loop))
            program.instructions[Int(loop)] = branch(body: loop + 1, exit: nextAddress, greedy: greedy)
            return
        }
        var splits: [Int32] = []
        for _ in min..<max {
            try checkSize()
            splits.append(nextAddress)
            emit(.split(first: 0, second: 0))
            try compileIteration(atom, clear: clear, progressSlot: progressSlot, backward: backward)
        }
        for split in splits {
            program.instructions[Int(split)] = branch(body: split + 1, exit: nextAddress, greedy: greedy)
        }
    }

    private mutating func compileIteration(
        _ atom: RegexNode, clear: RegexInstruction?, progressSlot: Int32?, backward: Bool
    ) throws(ECMARegexError) {
        if let progressSlot { emit(.save(slot: progressSlot)) }
        if let clear { emit(clear) }
        try compile(atom, backward: backward, follower: .unknown)
        if let progressSlot { emit(.requireProgress(slot: progressSlot)) }
    }

    private func branch(body: Int32, exit: Int32, greedy: Bool) -> RegexInstruction {
        greedy ? .split(first: body, second: exit) : .split(first: exit, second: body)
    }

    /// Whether giving back scalars of a greedy `set` repetition can never let `follower` match.
    static func nothingToGiveBack(_ set: ScalarSet, before follower: Follower) -> Bool {
        switch follower {
        case .end: return true
        case .unknown: return false
        case .node(let node):
            switch node {
            case .inputEnd: return true
            case .character(let next): return set.isDisjoint(from: next)
            case .quantified(let inner, let min, _, _) where min > 0:
                return inner.singleScalarSet.map { set.isDisjoint(from: $0) } ?? false
            case .group(let inner, nil):
                return nothingToGiveBack(set, before: .node(inner))
            case .sequence(let nodes):
                return nodes.first.map { nothingToGiveBack(set, before: .node($0)) } ?? false
            default: return false
            }
        }
    }
}
