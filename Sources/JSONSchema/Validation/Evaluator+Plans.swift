/// The quick check: a value against a node's `AssertionPlan`, read in place through a pointer.
/// True means the node certainly passes (nothing to report); false means "let the full evaluator decide".
extension Evaluator {
    @inline(__always)
    mutating func passesPlan(_ index: Int, _ node: UnsafePointer<JSONNode>) -> Bool {
        let plan = plans[index]
        guard plan.usable else { return false }
        switch node.pointee.value {
        case .null: return plan.types & TypeMask.null.rawValue != 0 && !plan.hasChoices
        case .bool: return plan.types & TypeMask.boolean.rawValue != 0 && !plan.hasChoices
        case .integer(let integer):
            guard plan.types & (TypeMask.integer.rawValue | TypeMask.number.rawValue) != 0, !plan.hasChoices else { return false }
            return plan.boundCount == 0 || boundsPass(plan, integer: integer)
        case .number(let number):
            guard !plan.hasChoices else { return false }
            let double = number.double
            if plan.types & TypeMask.number.rawValue == 0 {
                guard plan.types & TypeMask.integer.rawValue != 0, double.isFinite, double.rounded(.towardZero) == double else { return false }
            }
            return plan.boundCount == 0 || boundsPass(plan, double: double)
        case .string(let text):
            guard plan.types & TypeMask.string.rawValue != 0 else { return false }
            return stringPasses(plan, text)
        case .array: return plan.types & TypeMask.array.rawValue != 0 && !plan.hasChoices
        case .object: return plan.types & TypeMask.object.rawValue != 0 && !plan.hasChoices
        }
    }

    /// Every bound holds for an `.integer` (false when a comparison would need exact decimals).
    private func boundsPass(_ plan: AssertionPlan, integer: Int64) -> Bool {
        for position in Int(plan.boundStart)..<Int(plan.boundStart + plan.boundCount) {
            let bound = bounds[position]
            let order: Int
            if bound.isInteger {
                order = integer < bound.integer ? -1 : (integer == bound.integer ? 0 : 1)
            } else {
                let value = Double(integer)
                guard value != bound.double else { return false }
                order = value < bound.double ? -1 : 1
            }
            if !Self.accepts(order, bound) { return false }
        }
        return true
    }

    /// Every bound holds for a `.number` (false when the value equals a bound or is not finite).
    private func boundsPass(_ plan: AssertionPlan, double: Double) -> Bool {
        guard double.isFinite else { return false }
        for position in Int(plan.boundStart)..<Int(plan.boundStart + plan.boundCount) {
            let bound = bounds[position]
            guard double != bound.double else { return false }
            if !Self.accepts(double < bound.double ? -1 : 1, bound) { return false }
        }
        return true
    }

    @inline(__always)
    private static func accepts(_ order: Int, _ bound: NumericBound) -> Bool {
        bound.isLower ? (bound.isExclusive ? order > 0 : order >= 0) : (bound.isExclusive ? order < 0 : order <= 0)
    }

    private mutating func stringPasses(_ plan: AssertionPlan, _ text: String) -> Bool {
        let byteCount = text.utf8.count
        if plan.hasChoices && !isChoice(plan, text) { return false }
        if plan.minLength > 0 && byteCount / 4 < plan.minLength {
            if byteCount < plan.minLength || text.unicodeScalars.count < plan.minLength { return false }
        }
        if byteCount > plan.maxLength && text.unicodeScalars.count > plan.maxLength { return false }
        if plan.regex >= 0 && !regexes[Int(plan.regex)].matches(text, scratch: &regexScratch) { return false }
        if plan.format != .unknown && !FormatChecker.isValid(text, kind: plan.format) { return false }
        return true
    }

    /// Whether `text` is byte-for-byte one of the plan's strings.
    private func isChoice(_ plan: AssertionPlan, _ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ isChoice(plan, $0) }) { return found }
        var copy = text
        return copy.withUTF8 { isChoice(plan, $0) }
    }

    private func isChoice(_ plan: AssertionPlan, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        for position in Int(plan.choiceStart)..<Int(plan.choiceStart + plan.choiceCount) {
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
