/// The quick check: a value against a node's `AssertionPlan`, read in place through a pointer.
/// True means the node's assertions certainly pass; false means "let the full evaluator decide".
extension Evaluator {
    @inline(__always)
    mutating func passesPlan(_ index: Int, _ node: UnsafePointer<JSONNode>) -> Bool {
        let plan = plans.baseAddress! + index
        guard plan.pointee.usable else { return false }
        switch node.pointee.value {
        case .null: return plan.pointee.types & TypeMask.null.rawValue != 0 && !plan.pointee.hasChoices
        case .bool: return plan.pointee.types & TypeMask.boolean.rawValue != 0 && !plan.pointee.hasChoices
        case .integer(let integer):
            guard plan.pointee.types & (TypeMask.integer.rawValue | TypeMask.number.rawValue) != 0, !plan.pointee.hasChoices else { return false }
            return plan.pointee.boundCount == 0 || boundsPass(plan, integer: integer)
        case .number(let number):
            guard !plan.pointee.hasChoices else { return false }
            if plan.pointee.types & TypeMask.number.rawValue == 0 {
                guard plan.pointee.types & TypeMask.integer.rawValue != 0, number.isIntegral else { return false }
            }
            return plan.pointee.boundCount == 0 || boundsPass(plan, number: number)
        case .string(let text):
            guard plan.pointee.types & TypeMask.string.rawValue != 0 else { return false }
            return stringPasses(plan, text)
        case .array: return plan.pointee.types & TypeMask.array.rawValue != 0 && !plan.pointee.hasChoices
        case .object: return plan.pointee.types & TypeMask.object.rawValue != 0 && !plan.pointee.hasChoices
        }
    }

    /// Every bound holds for an `.integer` (false when a comparison would need exact decimals).
    private mutating func boundsPass(_ plan: UnsafePointer<AssertionPlan>, integer: Int64) -> Bool {
        for position in Int(plan.pointee.boundStart)..<Int(plan.pointee.boundStart + plan.pointee.boundCount) {
            let bound = bounds[position]
            let order: Int
            if bound.isInteger {
                order = integer < bound.integer ? -1 : (integer == bound.integer ? 0 : 1)
            } else {
                let value = Double(integer)
                order = value != bound.double ? (value < bound.double ? -1 : 1)
                    : NumberComparison.compare(.integer(integer), boundValues[position])
            }
            if !Self.accepts(order, bound) { return false }
        }
        return true
    }

    /// Every bound holds for a `.number` (false when the value is not finite). A value whose
    /// `Double` equals a bound's is compared exactly.
    private mutating func boundsPass(_ plan: UnsafePointer<AssertionPlan>, number: JSONNumber) -> Bool {
        let double = number.double
        guard double.isFinite else { return false }
        for position in Int(plan.pointee.boundStart)..<Int(plan.pointee.boundStart + plan.pointee.boundCount) {
            let bound = bounds[position]
            let order = double != bound.double ? (double < bound.double ? -1 : 1)
                : NumberComparison.compare(.number(number), boundValues[position])
            if !Self.accepts(order, bound) { return false }
        }
        return true
    }

    @inline(__always)
    private static func accepts(_ order: Int, _ bound: NumericBound) -> Bool {
        bound.isLower ? (bound.isExclusive ? order > 0 : order >= 0) : (bound.isExclusive ? order < 0 : order <= 0)
    }

    private mutating func stringPasses(_ plan: UnsafePointer<AssertionPlan>, _ text: String) -> Bool {
        let byteCount = text.utf8.count
        if plan.pointee.hasChoices && !isChoice(plan, text) { return false }
        if plan.pointee.minLength > 0 && byteCount / 4 < plan.pointee.minLength {
            if byteCount < plan.pointee.minLength || text.unicodeScalars.count < plan.pointee.minLength { return false }
        }
        if byteCount > plan.pointee.maxLength && text.unicodeScalars.count > plan.pointee.maxLength { return false }
        if plan.pointee.regex >= 0 && !patternMatcher.matches(Int(plan.pointee.regex), text) { return false }
        if plan.pointee.format != .unknown && !FormatChecker.isValid(text, kind: plan.pointee.format) { return false }
        return true
    }

    /// Whether `text` is byte-for-byte one of the plan's strings (equal words settle it for small strings).
    private mutating func isChoice(_ plan: UnsafePointer<AssertionPlan>, _ text: String) -> Bool {
        let words = StringBytes.words(text)
        let range = Int(plan.pointee.choiceStart)..<Int(plan.pointee.choiceStart + plan.pointee.choiceCount)
        for position in range where choiceWords[position] == words { return true }
        return StringBytes.with(text) { isChoice(plan, $0) }
    }

    private mutating func isChoice(_ plan: UnsafePointer<AssertionPlan>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        for position in Int(plan.pointee.choiceStart)..<Int(plan.pointee.choiceStart + plan.pointee.choiceCount) {
            let choice = choices[position]
            guard Int(choice.count) == count else { continue }
            var offset = 0
            let start = Int(choice.start)
            while offset < count, choiceBytes[start + offset] == bytes[offset] { offset += 1 }
            if offset == count { return true }
        }
        return false
    }
}
