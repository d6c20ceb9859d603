/// The parsed form of a pattern: what ``RegexParser`` produces and ``RegexCompiler`` consumes.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// Matches one scalar from a set (a literal, `.`, `\d`, `[...]`, `\p{...}`).
    case character(ScalarSet)
    /// Matches the nodes one after another.
    case sequence([RegexNode])
    /// Matches the first alternative that leads to an overall match.
    case alternation([RegexNode])
    /// A group; `capture` is the 1-based capture number, or nil for `(?:...)`.
    case group(RegexNode, capture: Int?)
    /// A quantified node; `max` nil means unbounded.
    case quantified(RegexNode, min: Int, max: Int?, greedy: Bool)
    /// `^`: the start of the input.
    case inputStart
    /// `$`: the end of the input.
    case inputEnd
    /// `\b` (`negated` false) or `\B` (`negated` true).
    case wordBoundary(negated: Bool)
    /// `\1` or `\k<name>` (resolved to the capture number).
    case backreference(Int)
    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`.
    case lookaround(RegexNode, behind: Bool, negated: Bool)
}

extension RegexNode {
    /// Whether the node can match without consuming input (conservative: true when unsure).
    var canMatchEmpty: Bool {
        switch self {
        case .empty, .inputStart, .inputEnd, .wordBoundary, .lookaround, .backreference: true
        case .character: false
        case .sequence(let nodes): nodes.allSatisfy(\.canMatchEmpty)
        case .alternation(let nodes): nodes.contains(where: \.canMatchEmpty)
        case .group(let node, _): node.canMatchEmpty
        case .quantified(let node, let min, _, _): min == 0 || node.canMatchEmpty
        }
    }

    /// The capture numbers that occur inside this node, as a closed range (nil when none).
    var captureRange: ClosedRange<Int>? {
        var low = Int.max
        var high = Int.min
        collectCaptures(&low, &high)
        return low <= high ? low...high : nil
    }

    private func collectCaptures(_ low: inout Int, _ high: inout Int) {
        switch self {
        case .empty, .character, .inputStart, .inputEnd, .wordBoundary, .backreference: return
        case .sequence(let nodes), .alternation(let nodes):
            for node in nodes { node.collectCaptures(&low, &high) }
        case .group(let node, let capture):
            if let capture {
                low = Swift.min(low, capture)
                high = Swift.max(high, capture)
            }
            node.collectCaptures(&low, &high)
        case .quantified(let node, _, _, _), .lookaround(let node, _, _):
            node.collectCaptures(&low, &high)
        }
    }
}
