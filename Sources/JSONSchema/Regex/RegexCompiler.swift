/// Turns a ``RegexNode`` tree into a ``RegexProgram``.
///
/// Quantified groups are unrolled (`(ab){2,3}` becomes two copies plus one optional copy); a quantified
/// single scalar becomes one ``RegexInstruction/repeatCharacter(_:min:max:mode:backward:)``. A program
/// larger than ``maxInstructions`` is refused, so hostile counts like `((a|b){1000}){1000}` fail fast.
struct RegexCompiler {
    /// The largest program accepted.
    static let maxInstructions = 200_000

    /// What comes after the node being compiled, for deciding when a greedy repeat never needs to give back.
    enum Follower {
        /// Nothing that could fail: the pattern (or an atomic lookaround body) ends here.
        case end
        /// This node comes next.
        case node(RegexNode)
        /// Not known.
        case unknown
    }

    var program = RegexProgram()
    /// Index of each distinct set in `program.sets`.
    private var setIndex: [ScalarSet: Int32] = [:]

    /// Compiles `root`, a pattern with `captureCount` capture groups.
    static func compile(_ root: RegexNode, captureCount: Int) throws(ECMARegexError) -> RegexProgram {
        var compiler = RegexCompiler()
        compiler.program.slotCount = 2 * (captureCount + 1)
        compiler.emit(.save(slot: 0))
        try compiler.compile(root, backward: false, follower: .end)
        compiler.emit(.save(slot: 1))
        compiler.emit(.match)
        compiler.program.anchoredAtStart = root.isAnchoredAtStart
        compiler.program.canMemoize = !compiler.program.instructions.contains { instruction in
            switch instruction {
            case .backreference, .lookStart, .requireProgress: true
            default: false
            }
        }
        if let first = root.firstScalars(), !first.nullable {
            compiler.program.firstScalars = compiler.test(for: first.set)
        }
        return compiler.program
    }

    var nextAddress: Int32 { Int32(program.instructions.count) }

    mutating func emit(_ instruction: RegexInstruction) {
        program.instructions.append(instruction)
    }

    mutating func checkSize() throws(ECMARegexError) {
        if program.instructions.count > Self.maxInstructions {
            throw ECMARegexError("pattern too large (its repetitions expand beyond \(Self.maxInstructions) steps)", at: 0)
        }
    }

    mutating func newSlot() -> Int32 {
        program.slotCount += 1
        return Int32(program.slotCount - 1)
    }

    mutating func test(for set: ScalarSet) -> CharacterTest {
        let index: Int32
        if let existing = setIndex[set] {
            index = existing
        } else {
            index = Int32(program.sets.count)
            program.sets.append(set)
            setIndex[set] = index
        }
        return CharacterTest(
            asciiLow: set.asciiLow, asciiHigh: set.asciiHigh, set: index, allowsNonASCII: set.mayContainNonASCII)
    }

    mutating func compile(_ node: RegexNode, backward: Bool, follower: Follower) throws(ECMARegexError) {
        try checkSize()
        switch node {
        case .empty:
            break
        case .character(let set):
            let test = test(for: set)
            emit(backward ? .characterBackward(test) : .character(test))
        case .sequence(let nodes):
            let order = backward ? Array(nodes.reversed()) : nodes
            for (position, child) in order.enumerated() {
                let next: Follower =
                    backward ? .unknown : position + 1 < order.count ? .node(order[position + 1]) : follower
                try compile(child, backward: backward, follower: next)
            }
        case .alternation(let alternatives):
            var exits: [Int] = []
            for (position, alternative) in alternatives.enumerated() {
                if position == alternatives.count - 1 {
                    try compile(alternative, backward: backward, follower: follower)
                    break
                }
                let split = program.instructions.count
                emit(.split(first: nextAddress + 1, second: 0))
                try compile(alternative, backward: backward, follower: follower)
                exits.append(program.instructions.count)
                emit(.jump(0))
                program.instructions[split] = .split(first: Int32(split + 1), second: nextAddress)
            }
            for exit in exits { program.instructions[exit] = .jump(nextAddress) }
        case .group(let body, let capture):
            guard let capture else {
                try compile(body, backward: backward, follower: follower)
                return
            }
            let (open, close) = (Int32(2 * capture), Int32(2 * capture + 1))
            emit(.save(slot: backward ? close : open))
            try compile(body, backward: backward, follower: follower)
            emit(.save(slot: backward ? open : close))
        case .quantified(let atom, let min, let max, let greedy):
            try compileQuantified(atom, min: min, max: max, greedy: greedy, backward: backward, follower: follower)
        case .inputStart:
            emit(.assertStart)
        case .inputEnd:
            emit(.assertEnd)
        case .wordBoundary(let negated):
            emit(.wordBoundary(negated: negated))
        case .backreference(let group):
            emit(.backreference(group: Int32(group), backward: backward))
        case .lookaround(let body, let behind, let negated):
            let slot = newSlot()
            let start = program.instructions.count
            emit(.lookStart(slot: slot, negated: negated, end: 0))
            try compile(body, backward: behind, follower: .end)
            emit(.lookEnd(slot: slot, negated: negated))
            program.instructions[start] = .lookStart(slot: slot, negated: negated, end: nextAddress)
        }
    }
}
