/// JSON equality as JSON Schema defines it (`const`, `enum`, `uniqueItems`): numbers compare by
/// mathematical value (`1 == 1.0`), objects regardless of member order, locations ignored.
extension JSONValue {
    /// Whether two values are equal as JSON (locations are ignored).
    public func isJSONEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .number), (.number, .integer), (.number, .number):
            return NumberComparison.compare(self, other) == 0
        case (.string(let a), .string(let b)): return Self.sameScalars(a, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where !a[index].value.isJSONEqual(to: b[index].value) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for member in a.members {
                guard let value = b[member.key], member.value.value.isJSONEqual(to: value.value) else { return false }
            }
            return true
        default: return false
        }
    }

    /// Code-point equality (Swift's `==` treats canonically equivalent strings as equal; JSON does not).
    static func sameScalars(_ a: String, _ b: String) -> Bool {
        if StringBytes.words(a) == StringBytes.words(b) { return true }
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { left in b.withUTF8 { right in left.elementsEqual(right) } }
    }
}
