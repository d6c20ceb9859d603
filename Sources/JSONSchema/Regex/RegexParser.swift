/// Parses an ECMA-262 pattern (Unicode mode, the `u` flag) into a ``RegexNode`` tree.
///
/// Every syntax error of Unicode mode is an ``ECMARegexError`` with the offset (in scalars) where it was
/// found. Nesting deeper than ``maxNesting`` groups is an error too, so later recursion stays bounded.
struct RegexParser {
    /// The deepest group nesting accepted.
    static let maxNesting = 250

    /// The pattern as scalars.
    let scalars: [Unicode.Scalar]
    /// The read position.
    var index = 0
    /// Capture groups opened so far.
    var capturesSeen = 0
    /// Total capture groups in the pattern (from a pre-scan, so forward references resolve).
    let captureCount: Int
    /// Group names to capture numbers (from the pre-scan).
    let captureNames: [String: Int]
    /// Names already declared by the parse (duplicates are errors).
    var declaredNames: Set<String> = []
    /// Current group nesting.
    var depth = 0

    /// Prepares to parse `pattern`.
    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        (captureCount, captureNames) = Self.scanCaptures(scalars)
    }

    /// Parses the whole pattern.
    mutating func parse() throws(ECMARegexError) -> RegexNode {
        let node = try parseDisjunction()
        if index < scalars.count {
            // parseDisjunction only stops early at a ')' that closes nothing.
            throw ECMARegexError("unmatched ')'", at: index)
        }
        return node
    }

    /// The scalar at the read position, if any.
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// The scalar `distance` after the read position, if any.
    func peek(_ distance: Int) -> Unicode.Scalar? {
        index + distance < scalars.count ? scalars[index + distance] : nil
    }

    mutating func parseDisjunction() throws(ECMARegexError) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while current == "|" {
            index += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(ECMARegexError) -> RegexNode {
        var terms: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            terms.append(try parseTerm())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .sequence(terms)
        }
    }

    private mutating func parseTerm() throws(ECMARegexError) -> RegexNode {
        let start = index
        let scalar = scalars[index]
        var quantifiable = true
        let atom: RegexNode
        switch scalar {
        case "^":
            index += 1
            atom = .inputStart
            quantifiable = false
        case "$":
            index += 1
            atom = .inputEnd
            quantifiable = false
        case "\\" where peek(1) == "b" || peek(1) == "B":
            atom = .wordBoundary(negated: peek(1) == "B")
            index += 2
            quantifiable = false
        case "\\":
            atom = try parseAtomEscape()
        case "(":
            (atom, quantifiable) = try parseGroup()
        case ".":
            index += 1
            atom = .character(.dot)
        case "[":
            atom = .character(try parseClass())
        case "*", "+", "?":
            throw ECMARegexError("nothing to repeat", at: start)
        case "{":
            if parseBraceQuantifier() != nil { throw ECMARegexError("nothing to repeat", at: start) }
            throw ECMARegexError("lone '{' must be escaped as \\{", at: start)
        case "}":
            throw ECMARegexError("lone '}' must be escaped as \\}", at: start)
        case "]":
            throw ECMARegexError("lone ']' must be escaped as \\]", at: start)
        default:
            index += 1
            atom = .character(.single(scalar.value))
        }
        return try parseQuantifier(for: atom, quantifiable: quantifiable)
    }

    private mutating func parseQuantifier(
        for atom: RegexNode, quantifiable: Bool
    ) throws(ECMARegexError) -> RegexNode {
        guard let scalar = current else { return atom }
        let start = index
        let bounds: (min: Int, max: Int?)
        switch scalar {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{":
            guard let braces = parseBraceQuantifier() else {
                throw ECMARegexError("incomplete quantifier", at: start)
            }
            bounds = braces
        default:
            return atom
        }
        guard quantifiable else { throw ECMARegexError("nothing to repeat", at: start) }
        if let max = bounds.max, max < bounds.min {
            throw ECMARegexError("numbers out of order in {} quantifier", at: start)
        }
        var greedy = true
        if current == "?" {
            greedy = false
            index += 1
        }
        if let next = current, next == "*" || next == "+" || next == "?" || next == "{" {
            throw ECMARegexError("nothing to repeat", at: index)
        }
        return .quantified(atom, min: bounds.min, max: bounds.max, greedy: greedy)
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` at the read position; on anything else reads nothing and returns nil.
    private mutating func parseBraceQuantifier() -> (min: Int, max: Int?)? {
        var cursor = index + 1
        func number() -> Int? {
            var value: Int?
            while cursor < scalars.count, let digit = scalars[cursor].asciiDigitValue {
                value = Swift.min((value ?? 0) * 10 + digit, Int(Int32.max))
                cursor += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        index = cursor + 1
        return (low, high)
    }

    private mutating func parseGroup() throws(ECMARegexError) -> (RegexNode, quantifiable: Bool) {
        let start = index
        depth += 1
        if depth > Self.maxNesting {
            throw ECMARegexError("pattern nests groups deeper than \(Self.maxNesting) levels", at: start)
        }
        defer { depth -= 1 }
        index += 1
        enum Kind { case capture(Int), plain, look(behind: Bool, negated: Bool) }
        let kind: Kind
        if current == "?" {
            switch (peek(1), peek(2)) {
            case (":", _): kind = .plain; index += 2
            case ("=", _): kind = .look(behind: false, negated: false); index += 2
            case ("!", _): kind = .look(behind: false, negated: true); index += 2
            case ("<", "="): kind = .look(behind: true, negated: false); index += 3
            case ("<", "!"): kind = .look(behind: true, negated: true); index += 3
            case ("<", _):
                guard let (name, end) = Self.readGroupName(scalars, at: index + 2) else {
                    throw ECMARegexError("invalid capture group name", at: index + 2)
                }
                guard declaredNames.insert(name).inserted else {
                    throw ECMARegexError("duplicate capture group name '\(name)'", at: index + 2)
                }
                index = end
                capturesSeen += 1
                kind = .capture(capturesSeen)
            default:
                throw ECMARegexError("invalid group '(?'", at: start)
            }
        } else {
            capturesSeen += 1
            kind = .capture(capturesSeen)
        }
        let body = try parseDisjunction()
        guard current == ")" else { throw ECMARegexError("unterminated group", at: start) }
        index += 1
        switch kind {
        case .capture(let number): return (.group(body, capture: number), true)
        case .plain: return (.group(body, capture: nil), true)
        case .look(let behind, let negated): return (.lookaround(body, behind: behind, negated: negated), false)
        }
    }
}
