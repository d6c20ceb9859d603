extension RegexNode {
    /// The set when the node matches exactly one scalar (`a`, `[a-z]`, `(?:\d)`), else nil.
    var singleScalarSet: ScalarSet? {
        switch self {
        case .character(let set): set
        case .group(let body, nil): body.singleScalarSet
        default: nil
        }
    }

    /// Whether the node compiles to no instructions at all (`(?:)`, `(?:(?:)*)`).
    var emitsNothing: Bool {
        switch self {
        case .empty: true
        case .group(let body, nil): body.emitsNothing
        case .sequence(let nodes): nodes.allSatisfy(\.emitsNothing)
        case .quantified(let body, _, let max, _): max == 0 || body.emitsNothing
        default: false
        }
    }

    /// Whether every match must begin at the start of the input.
    var isAnchoredAtStart: Bool {
        switch self {
        case .inputStart: true
        case .sequence(let nodes): nodes.first?.isAnchoredAtStart ?? false
        case .alternation(let nodes): nodes.allSatisfy(\.isAnchoredAtStart)
        case .group(let body, _): body.isAnchoredAtStart
        default: false
        }
    }

    /// The scalars a match of this node can start with (a superset), and whether it can match empty;
    /// nil when unknown.
    func firstScalars() -> (set: ScalarSet, nullable: Bool)? {
        var builder = ScalarSetBuilder()
        guard let nullable = collectFirst(into: &builder) else { return nil }
        return (builder.build(), nullable)
    }

    /// Adds the possible first scalars to `builder`; returns whether the node can match empty, or nil
    /// when the first scalars cannot be described.
    private func collectFirst(into builder: inout ScalarSetBuilder) -> Bool? {
        switch self {
        case .empty, .inputStart, .inputEnd, .wordBoundary, .lookaround:
            return true
        case .backreference:
            return nil
        case .character(let set):
            if set.negated { return nil }
            builder.add(ranges: set.ranges)
            for property in set.properties { builder.add(property) }
            return false
        case .sequence(let nodes):
            for node in nodes {
                guard let nullable = node.collectFirst(into: &builder) else { return nil }
                if !nullable { return false }
            }
            return true
        case .alternation(let nodes):
            var anyNullable = false
            for node in nodes {
                guard let nullable = node.collectFirst(into: &builder) else { return nil }
                anyNullable = anyNullable || nullable
            }
            return anyNullable
        case .group(let body, _):
            return body.collectFirst(into: &builder)
        case .quantified(let body, let min, let max, _):
            if max == 0 { return true }
            guard let nullable = body.collectFirst(into: &builder) else { return nil }
            return nullable || min == 0
        }
    }
}
