/// Excel's rules for worksheet names, checked before anything is written.
enum SheetName {
    static let forbidden: Set<Character> = ["/", "\\", "?", "*", "[", "]", ":"]

    /// Throws a `HelpfulError` when `name` is not a valid, new sheet name in `existing`.
    static func validate(_ name: String, existing: [String], file: String) throws {
        func fail(_ why: String) -> HelpfulError {
            HelpfulError(
                code: .outputSheetName,
                problem: "Excel sheet name '\(name)' for \(file) \(why)",
                solution: "Use a unique name of 1 to 31 characters without / \\ ? * [ ] : and not starting or ending with '",
                example: "Summary, Details 2025-01, Failed rows")
        }
        if name.isEmpty { throw fail("is empty") }
        if name.count > 31 { throw fail("is too long (\(name.count) characters, at most 31)") }
        let bad = name.filter { forbidden.contains($0) }
        if !bad.isEmpty {
            let shown = Array(Set(bad)).sorted().map(String.init).joined(separator: " ")
            throw fail("contains characters Excel does not allow: \(shown)")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw fail("starts or ends with an apostrophe") }
        if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw fail("is used twice (Excel compares sheet names without case)")
        }
    }
}
