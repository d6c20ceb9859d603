extension RegexMatcher {
    /// Tries to match starting at byte `start`: true on a match (slots 0 and 1 hold its bounds), false
    /// when no match starts here, nil when the step budget ran out.
    mutating func run(from start: Int) -> Bool? {
        var pc = 0
        var position = start
        while true {
            steps &+= 1
            if steps > budget || stack.count > Self.maxBacktrackEntries { return nil }
            if steps > Self.memoizeAfterSteps, canMemoize, !firstVisit(pc: pc, position: position) {
                guard let resumed = backtrack() else { return steps > budget ? nil : false }
                (pc, position) = resumed
                continue
            }
            var failed = false
            switch code[pc] {
            case .character(let test):
                let next = stepForward(test, from: position)
                if next < 0 { failed = true } else { position = next; pc += 1 }
            case .characterBackward(let test):
                let next = stepBackward(test, from: position)
                if next < 0 { failed = true } else { position = next; pc += 1 }
            case .repeatCharacter(let test, let min, let max, let mode, let backward):
                var count: Int32 = 0
                var current = position
                var floor = min == 0 ? position : -1
                let limit = mode == .lazy ? min : max
                while count < limit {
                    let next = step(test, from: current, backward: backward)
                    if next < 0 { break }
                    current = next
                    count += 1
                    if count == min { floor = current }
                }
                steps &+= Int(count)
                if count < min {
                    failed = true
                    break
                }
                switch mode {
                case .greedy where count > min:
                    stack.append(.giveBack(pc: Int32(pc + 1), position: current, floor: floor, backward: backward))
                case .lazy where count < max:
                    stack.append(.takeMore(pc: Int32(pc), position: current, count: count))
                default:
                    break
                }
                position = current
                pc += 1
            case .split(let first, let second):
                stack.append(.resume(pc: second, position: position))
                pc = Int(first)
            case .jump(let target):
                pc = Int(target)
            case .save(let slot):
                // With no choice point below, nothing could ever need the old value back.
                if !stack.isEmpty { stack.append(.restore(slot: slot, value: slots[Int(slot)])) }
                slots[Int(slot)] = position
                pc += 1
            case .clearSlots(let from, let to):
                for slot in Int(from)..<Int(to) where slots[slot] != -1 {
                    if !stack.isEmpty { stack.append(.restore(slot: Int32(slot), value: slots[slot])) }
                    slots[slot] = -1
                }
                pc += 1
            case .requireProgress(let slot):
                if slots[Int(slot)] == position { failed = true } else { pc += 1 }
            case .assertStart:
                if position == 0 { pc += 1 } else { failed = true }
            case .assertEnd:
                if position == input.count { pc += 1 } else { failed = true }
            case .wordBoundary(let negated):
                let before = position > 0 && isWordByte(input[position - 1])
                let after = position < input.count && isWordByte(input[position])
                if (before != after) != negated { pc += 1 } else { failed = true }
            case .backreference(let group, let backward):
                let (low, high) = (slots[Int(2 * group)], slots[Int(2 * group + 1)])
                guard low >= 0, high >= low else {
                    pc += 1
                    break
                }
                let length = high - low
                steps &+= length
                if backward {
                    if position - length >= 0, bytesEqual(position - length, low, length: length) {
                        position -= length
                        pc += 1
                    } else {
                        failed = true
                    }
                } else if position + length <= input.count, bytesEqual(position, low, length: length) {
                    position += length
                    pc += 1
                } else {
                    failed = true
                }
            case .lookStart(let slot, let negated, let end):
                stack.append(.barrier(end: end, position: position, negated: negated))
                slots[Int(slot)] = stack.count - 1
                pc += 1
            case .lookEnd(let slot, let negated):
                let barrier = slots[Int(slot)]
                guard case .barrier(_, let saved, _) = stack[barrier] else { return false }
                if negated {
                    unwind(to: barrier)
                    failed = true
                } else {
                    keepOnlyRestores(above: barrier)
                    position = saved
                    pc += 1
                }
            case .match:
                return true
            }
            if failed {
                guard let resumed = backtrack() else { return steps > budget ? nil : false }
                (pc, position) = resumed
            }
        }
    }

    /// Records the state (pc, position); false when it was reached before. In a memoizable program a
    /// state reached again has already failed (a depth-first search finishes a state before revisiting
    /// it, and the first success ends the search), whatever the start position.
    private mutating func firstVisit(pc: Int, position: Int) -> Bool {
        let width = input.count + 1
        if visited.isEmpty {
            let words = (code.count * width + 63) / 64
            guard words <= Self.maxVisitedWords else { return true }
            visited = Array(repeating: 0, count: words)
        }
        let index = pc * width + position
        let mask: UInt64 = 1 << UInt64(index & 63)
        if visited[index >> 6] & mask != 0 { return false }
        visited[index >> 6] |= mask
        return true
    }

    /// Pops entries until one says where to continue; nil when none is left (or the budget ran out).
    private mutating func backtrack() -> (pc: Int, position: Int)? {
        while let entry = stack.popLast() {
            steps &+= 1
            if steps > budget { return nil }
            switch entry {
            case .resume(let pc, let position):
                return (Int(pc), position)
            case .restore(let slot, let value):
                slots[Int(slot)] = value
            case .giveBack(let pc, let position, let floor, let backward):
                let next = backward ? nextBoundary(after: position) : previousBoundary(before: position)
                if next != floor {
                    stack.append(.giveBack(pc: pc, position: next, floor: floor, backward: backward))
                }
                return (Int(pc), next)
            case .takeMore(let pc, let position, let count):
                guard case .repeatCharacter(let test, _, let max, _, let backward) = code[Int(pc)] else { continue }
                let next = step(test, from: position, backward: backward)
                guard next >= 0 else { continue }
                if count + 1 < max {
                    stack.append(.takeMore(pc: pc, position: next, count: count + 1))
                }
                return (Int(pc) + 1, next)
            case .barrier(let end, let position, let negated):
                if negated { return (Int(end), position) }
            }
        }
        return nil
    }

    /// Pops everything above and including the barrier at `index`, undoing saves (a negative lookaround
    /// whose body matched).
    private mutating func unwind(to index: Int) {
        while stack.count > index {
            if case .restore(let slot, let value) = stack.removeLast() {
                slots[Int(slot)] = value
            }
        }
    }

    /// Removes the barrier at `index` and every choice point above it, keeping the undo records so that
    /// captures made inside a positive lookaround survive it yet are still undone on later backtracking.
    private mutating func keepOnlyRestores(above index: Int) {
        var write = index
        for read in (index + 1)..<stack.count {
            if case .restore = stack[read] {
                stack[write] = stack[read]
                write += 1
            }
        }
        stack.removeLast(stack.count - write)
    }
}
