public import Foundation

/// A failure to compile an ECMA-262 pattern.
public struct ECMARegexError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the pattern.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// TEMPORARY stand-in for the ECMA-262 regex engine (replaced at merge): NSRegularExpression with
/// `\d`, `\w`, `\s` translated to their ASCII/ECMA meaning.
public struct ECMARegex: Sendable {
    private final class Storage: @unchecked Sendable {
        let expression: NSRegularExpression
        init(_ expression: NSRegularExpression) { self.expression = expression }
    }
    private let storage: Storage

    /// Compiles a pattern.
    public init(_ pattern: String) throws(ECMARegexError) {
        var translated = ""
        var escaped = false
        for character in pattern {
            if escaped {
                switch character {
                case "d": translated += "[0-9]"
                case "D": translated += "[^0-9]"
                case "w": translated += "[a-zA-Z0-9_]"
                case "W": translated += "[^a-zA-Z0-9_]"
                default: translated += "\\" + String(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                translated.append(character)
            }
        }
        if escaped { throw ECMARegexError(message: "pattern ends with a lone backslash") }
        do {
            storage = Storage(try NSRegularExpression(pattern: translated))
        } catch {
            throw ECMARegexError(message: "invalid regular expression /\(pattern)/")
        }
    }

    /// The first match, searching anywhere in `string`.
    public func firstMatch(in string: String) -> Range<String.Index>? {
        let range = NSRange(string.startIndex..., in: string)
        guard let match = storage.expression.firstMatch(in: string, range: range) else { return nil }
        return Range(match.range, in: string)
    }

    /// Whether the pattern matches anywhere in `string` (like JavaScript's `RegExp.test`).
    public func matches(_ string: String) -> Bool {
        firstMatch(in: string) != nil
    }
}
