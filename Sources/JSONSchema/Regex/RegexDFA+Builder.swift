/// The subset construction of a ``RegexDFA``. A thread is an instruction waiting to consume a scalar
/// and, at a repetition, how many it took (capped at `min` when unbounded), packed into one integer;
/// closures are marked in flat arrays stamped per closure, so building allocates per state, not per step.
struct RegexDFABuilder {
    let code: [RegexInstruction]
    let unanchored: Bool
    var classOf = [UInt8](repeating: 0, count: 128)
    var classCount = 1
    var representatives: [UInt8] = []
    var transitions: [UInt16] = []
    var flags: [UInt8] = []
    private var states: [[Int32]] = []
    private var index: [StateKey: UInt16] = [:]
    private var supported = true
    /// Repetition counts per instruction (largest finite bound + 1).
    private var stride = 1
    /// Per (thread, mode): the closure that last visited it.
    private var visited: [UInt32] = []
    /// Per thread: the closure that last collected it.
    private var collected: [UInt32] = []
    private var stamp: UInt32 = 0
    /// The threads and flags of the closure being built.
    private var threads: [Int32] = []
    private var closureFlags: UInt8 = 0

    private struct StateKey: Hashable {
        let threads: [Int32]
        let flags: UInt8
    }

    init(code: [RegexInstruction], unanchored: Bool) {
        self.code = code
        self.unanchored = unanchored
    }

    /// Splits the ASCII bytes into classes no test of the program tells apart; false when an
    /// instruction is outside the supported subset.
    mutating func classify() -> Bool {
        var largest: Int32 = 0
        var refined = [Int16](repeating: -1, count: 512)
        for instruction in code {
            let test: CharacterTest
            switch instruction {
            case .character(let t): test = t
            case .repeatCharacter(let t, let min, let max, _, let backward):
                guard !backward else { return false }
                largest = Swift.max(largest, max == Int32.max ? min : max)
                test = t
            case .split, .jump, .save, .clearSlots, .requireProgress, .assertStart, .assertEnd, .match: continue
            case .characterBackward, .wordBoundary, .backreference, .lookStart, .lookEnd: return false
            }
            for key in 0..<(classCount * 2) { refined[key] = -1 }
            var count: Int16 = 0
            for byte in 0..<128 {
                let key = Int(classOf[byte]) * 2 + (test.matchesASCII(UInt8(byte)) ? 1 : 0)
                if refined[key] < 0 { refined[key] = count; count += 1 }
                classOf[byte] = UInt8(refined[key])
            }
            classCount = Int(count)
        }
        guard largest < 256 else { return false }
        stride = Int(largest) + 2
        representatives = [UInt8](repeating: 0, count: classCount)
        for byte in (0..<128).reversed() { representatives[Int(classOf[byte])] = UInt8(byte) }
        visited = [UInt32](repeating: 0, count: code.count * stride * 4)
        collected = [UInt32](repeating: 0, count: code.count * stride)
        return true
    }

    /// Adds the closure of a thread (following every non-consuming instruction) to `threads`/`closureFlags`.
    private mutating func visit(_ pc: Int32, _ count: Int32, atStart: Bool, atEnd: Bool) {
        let thread = Int(pc) * stride + Int(count)
        let mark = thread * 4 + (atStart ? 2 : 0) + (atEnd ? 1 : 0)
        guard visited[mark] != stamp else { return }
        visited[mark] = stamp
        switch code[Int(pc)] {
        case .character:
            if !atEnd { collect(thread) }
        case .repeatCharacter(_, let min, let max, _, _):
            if count < max && !atEnd { collect(thread) }
            if count >= min { visit(pc + 1, 0, atStart: atStart, atEnd: atEnd) }
        case .split(let first, let second):
            visit(first, 0, atStart: atStart, atEnd: atEnd)
            visit(second, 0, atStart: atStart, atEnd: atEnd)
        case .jump(let target):
            visit(target, 0, atStart: atStart, atEnd: atEnd)
        case .save, .clearSlots, .requireProgress:
            visit(pc + 1, 0, atStart: atStart, atEnd: atEnd)
        case .assertStart:
            if atStart { visit(pc + 1, 0, atStart: atStart, atEnd: atEnd) }
        case .assertEnd:
            visit(pc + 1, 0, atStart: atStart, atEnd: true)
        case .match:
            closureFlags |= atEnd ? 2 : 1
        default:
            supported = false
        }
    }

    private mutating func collect(_ thread: Int) {
        guard collected[thread] != stamp else { return }
        collected[thread] = stamp
        threads.append(Int32(thread))
    }

    /// Both readings of a position (the text goes on / ends here).
    private mutating func visitBoth(_ pc: Int32, _ count: Int32, atStart: Bool) {
        visit(pc, count, atStart: atStart, atEnd: false)
        visit(pc, count, atStart: atStart, atEnd: true)
    }

    /// Starts a new closure.
    private mutating func beginClosure() {
        stamp &+= 1
        threads.removeAll(keepingCapacity: true)
        closureFlags = 0
    }

    /// The state of the current closure, created (and queued) when new; nil past the limit.
    private mutating func state(_ queue: inout [UInt16]) -> UInt16? {
        if closureFlags & 1 != 0 { threads.removeAll(keepingCapacity: true) } else { threads.sort() }
        if let found = index[StateKey(threads: threads, flags: closureFlags)] { return found }
        guard states.count < RegexDFA.stateLimit else { return nil }
        let id = UInt16(states.count)
        let own = Array(threads)
        index[StateKey(threads: own, flags: closureFlags)] = id
        states.append(own)
        flags.append(closureFlags)
        queue.append(id)
        transitions += repeatElement(0, count: classCount)
        return id
    }

    /// Runs the subset construction; the start state, or nil.
    mutating func build() -> UInt16? {
        var queue: [UInt16] = []
        index.reserveCapacity(64)
        threads.reserveCapacity(16)
        beginClosure()
        _ = state(&queue)  // 0: dead
        beginClosure()
        visitBoth(0, 0, atStart: true)
        guard supported, let start = state(&queue) else { return nil }
        var head = 1
        while head < queue.count {
            let id = Int(queue[head])
            head += 1
            guard flags[id] & 1 == 0 else { continue }
            for cls in 0..<classCount {
                beginClosure()
                let byte = representatives[cls]
                for thread in states[id] {
                    let pc = Int32(Int(thread) / stride), count = Int32(Int(thread) % stride)
                    switch code[Int(pc)] {
                    case .character(let test):
                        if test.matchesASCII(byte) { visitBoth(pc + 1, 0, atStart: false) }
                    case .repeatCharacter(let test, let min, let max, _, _):
                        if test.matchesASCII(byte) {
                            visitBoth(pc, max == Int32.max ? Swift.min(count + 1, min) : count + 1, atStart: false)
                        }
                    default: break
                    }
                }
                if unanchored { visitBoth(0, 0, atStart: false) }
                guard supported, let target = state(&queue) else { return nil }
                transitions[id * classCount + cls] = target
            }
        }
        return start
    }
}
