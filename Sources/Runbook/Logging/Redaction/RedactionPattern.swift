import Foundation

/// One pattern-based redaction rule: a regular expression (matched case-insensitively) and the
/// template that replaces each match (`$1` refers to capture group 1), optionally confirmed by a
/// check on the matched text (a card number must pass the Luhn check).
///
/// ```swift
/// let rule = try RedactionPattern(
///     name: "url-api-key", pattern: #"(api[-_]?key=)[^&\s]+"#, replacement: "$1[REDACTED]")
/// ```
public struct RedactionPattern: Sendable {
    /// An extra test a match must pass before it is replaced.
    public enum Check: String, Sendable, CaseIterable {
        /// The digits in the match must pass the Luhn checksum (payment card numbers).
        case luhn
        /// The match's last word must be base64 that decodes to printable text with a colon
        /// (`user:password`, as in `Basic dXNlcjpwYXNz`), so "Basic authentication" is kept.
        case basicCredentials = "basic-credentials"
    }

    /// The rule's name (used in error messages and diagnostics).
    public let name: String
    /// The regular expression, as written.
    public let pattern: String
    /// The replacement template (`$1` … refer to capture groups).
    public let replacement: String
    /// An extra check on each match, if any.
    public let check: Check?
    /// Lowercase substrings of which at least one must occur in the text for the rule to run
    /// (a cheap pre-filter; empty means "always run").
    public let triggers: [String]
    /// The rule runs only on text with at least this many ASCII digits (0: no minimum).
    public let minimumDigits: Int
    /// The rule runs only on text with a run of at least this many ASCII letters and digits (0: no minimum).
    public let minimumRun: Int
    let triggerBytes: [[UInt8]]
    let expression: CompiledExpression

    /// Compiles a rule. Throws the `NSRegularExpression` error for an invalid pattern
    /// (`RedactionPatterns.load` turns it into a `HelpfulError` with the file location).
    public init(name: String, pattern: String, replacement: String, check: Check? = nil,
                triggers: [String] = [], minimumDigits: Int = 0, minimumRun: Int = 0) throws {
        let compiled = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        self.init(name: name, pattern: pattern, replacement: replacement, check: check, triggers: triggers,
                  minimumDigits: minimumDigits, minimumRun: minimumRun,
                  expression: CompiledExpression(compiled: compiled, pattern: pattern))
    }

    /// A rule whose pattern is known to compile (the built-in set, covered by tests): it is compiled
    /// the first time a text passes its pre-filter, so a run whose lines never need it never pays
    /// for it (compiling ~40 ICU expressions is a large part of a short run's start-up).
    init(trusted name: String, pattern: String, replacement: String, check: Check?, triggers: [String],
         minimumDigits: Int, minimumRun: Int) {
        self.init(name: name, pattern: pattern, replacement: replacement, check: check, triggers: triggers,
                  minimumDigits: minimumDigits, minimumRun: minimumRun,
                  expression: CompiledExpression(compiled: nil, pattern: pattern))
    }

    private init(name: String, pattern: String, replacement: String, check: Check?, triggers: [String],
                 minimumDigits: Int, minimumRun: Int, expression: CompiledExpression) {
        self.name = name
        self.pattern = pattern
        self.replacement = replacement
        self.check = check
        self.triggers = triggers.map { $0.lowercased() }
        self.triggerBytes = self.triggers.map { Array($0.utf8) }
        self.minimumDigits = minimumDigits
        self.minimumRun = minimumRun
        self.expression = expression
    }

    /// Applies the rule to `text`, returning the text with every (checked) match replaced.
    public func apply(to text: String) -> String {
        guard mayMatch(LowercasedText(text)) else { return text }
        return applyRegex(to: text)
    }

    /// Whether any trigger occurs in the (lowercased) text.
    func mayMatch(_ text: LowercasedText) -> Bool {
        meetsMinimums(text) && (triggerBytes.isEmpty || triggerBytes.contains { ByteSearch.contains(text.bytes, $0) })
    }

    /// Whether the text has the digits and the token run the rule needs.
    func meetsMinimums(_ text: LowercasedText) -> Bool {
        text.digitCount >= minimumDigits && text.longestRun >= minimumRun
    }

    func applyRegex(to text: String) -> String {
        let regex = expression.regex
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let check else {
            guard regex.firstMatch(in: text, options: [], range: whole) != nil else { return text }
            return regex.stringByReplacingMatches(in: text, options: [], range: whole, withTemplate: replacement)
        }
        let matches = regex.matches(in: text, options: [], range: whole)
        guard !matches.isEmpty else { return text }
        let source = text as NSString
        let result = NSMutableString(string: text)
        for match in matches.reversed() {
            let found = source.substring(with: match.range)
            guard check.accepts(found) else { continue }
            let replaced = regex.replacementString(
                for: match, in: text, offset: 0, template: replacement)
            result.replaceCharacters(in: match.range, with: replaced)
        }
        return result as String
    }
}

extension RedactionPattern.Check {
    /// Whether the matched text passes the check.
    func accepts(_ text: String) -> Bool {
        switch self {
        case .luhn: Self.passesLuhn(text)
        case .basicCredentials: Self.isBasicCredential(text)
        }
    }

    /// Whether the last word of `text` is base64 of printable UTF-8 text holding a colon.
    static func isBasicCredential(_ text: String) -> Bool {
        let word = text.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
        guard let data = Data(base64Encoded: word + String(repeating: "=", count: (4 - word.count % 4) % 4)),
              let decoded = String(data: data, encoding: .utf8) else { return false }
        return decoded.contains(":") && decoded.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }

    /// The Luhn checksum over the digits of `text` (13 to 19 digits).
    static func passesLuhn(_ text: String) -> Bool {
        let digits = text.utf8.compactMap { $0 >= 48 && $0 <= 57 ? Int($0 - 48) : nil }
        guard (13...19).contains(digits.count) else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}

/// An `NSRegularExpression` (immutable, documented as safe to use from any thread), compiled
/// now or on first use.
final class CompiledExpression: @unchecked Sendable {
    private let pattern: String
    private let lock = NSLock()
    private var compiled: NSRegularExpression?

    init(compiled: NSRegularExpression?, pattern: String) {
        self.compiled = compiled
        self.pattern = pattern
    }

    var regex: NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        // Only trusted (built-in, tested) patterns are compiled lazily.
        // swiftlint:disable:next force_try
        let made = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        compiled = made
        return made
    }
}
