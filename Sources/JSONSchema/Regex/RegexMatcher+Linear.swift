/// Programs that never need to backtrack: anchored at the start, made only of single-scalar steps,
/// repetitions that never give back, saves and anchors (`^ep-[0-9]{6}$`, `^[a-z][a-z0-9-]{1,62}$`).
/// They run straight through, without a backtracking stack or step counting (a straight run takes
/// fewer steps than the budget allows, so the outcome is the same as ``RegexMatcher/run(from:)``'s).
extension RegexMatcher {
    /// Whether `program` runs straight through (see above).
    static func isLinear(_ program: RegexProgram) -> Bool {
        program.anchoredAtStart && program.instructions.allSatisfy { instruction in
            switch instruction {
            case .character, .save, .assertStart, .assertEnd, .match: true
            case .repeatCharacter(_, let min, let max, let mode, let backward): !backward && (mode == .possessive || min == max)
            default: false
            }
        }
    }

    /// Runs a linear program from the start of the input: whether it matches.
    func runLinear() -> Bool {
        var position = 0
        var pc = 0
        while true {
            switch code[pc] {
            case .character(let test):
                position = stepForward(test, from: position)
                if position < 0 { return false }
            case .repeatCharacter(let test, let min, let max, _, _):
                var count: Int32 = 0
                while count < max {
                    let next = stepForward(test, from: position)
                    if next < 0 { break }
                    position = next
                    count += 1
                }
                if count < min { return false }
            case .save:
                break
            case .assertStart:
                if position != 0 { return false }
            case .assertEnd:
                if position != input.count { return false }
            case .match:
                return true
            default:
                return false
            }
            pc += 1
        }
    }
}
