extension RegexParser {
    /// Parses a character class `[...]` or `[^...]` (the read position is at `[`).
    mutating func parseClass() throws(ECMARegexError) -> ScalarSet {
        let start = index
        index += 1
        var negated = false
        if current == "^" {
            negated = true
            index += 1
        }
        var builder = ScalarSetBuilder()
        while true {
            guard let scalar = current else {
                throw ECMARegexError("unterminated character class", at: start)
            }
            if scalar == "]" {
                index += 1
                return builder.build(negated: negated)
            }
            let atomStart = index
            let first = try parseClassAtom()
            guard current == "-", let afterDash = peek(1), afterDash != "]" else {
                add(first, to: &builder)
                continue
            }
            index += 1
            let second = try parseClassAtom()
            guard case .scalar(let low) = first, case .scalar(let high) = second else {
                throw ECMARegexError("a class escape like \\d cannot be a range bound", at: atomStart)
            }
            guard low <= high else {
                throw ECMARegexError("range out of order in character class", at: atomStart)
            }
            builder.add(low, high)
        }
    }

    private mutating func parseClassAtom() throws(ECMARegexError) -> EscapeValue {
        guard let scalar = current else {
            throw ECMARegexError("unterminated character class", at: index)
        }
        guard scalar == "\\" else {
            index += 1
            return .scalar(scalar.value)
        }
        if let digit = peek(1)?.asciiDigitValue, digit != 0 {
            throw ECMARegexError("invalid escape '\\\(digit)' in a character class", at: index)
        }
        return try parseEscape(inClass: true)
    }

    private func add(_ value: EscapeValue, to builder: inout ScalarSetBuilder) {
        switch value {
        case .scalar(let scalar): builder.add(scalar)
        case .set(let set): builder.merge(set)
        }
    }
}
