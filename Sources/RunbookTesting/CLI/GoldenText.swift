import Foundation

/// Exact comparison of a text with its expected ("golden") form, with a line diff when they differ:
/// lines only in the expected text start with `-`, lines only in the actual text with `+`, common
/// lines with a space (swift-argument-parser's `AssertEqualStrings`). Line endings are normalised to `\n`.
///
/// ```swift
/// try GoldenText.check(result.stdout, equals: "hello-world  Greets everyone in data/people.csv …\n", what: "runbook list")
/// ```
public enum GoldenText {
    /// The line diff of `actual` against `expected`, or nil when they are equal.
    public static func difference(expected: String, actual: String) -> String? {
        let expected = normalised(expected)
        let actual = normalised(actual)
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var insertions: [Int: String] = [:]
        var removals: [Int: String] = [:]
        for change in actualLines.difference(from: expectedLines) {
            switch change {
            case .insert(let offset, let line, _): insertions[offset] = line
            case .remove(let offset, let line, _): removals[offset] = line
            }
        }
        var result = ""
        var expectedLine = 0
        var actualLine = 0
        while expectedLine < expectedLines.count || actualLine < actualLines.count {
            if let removal = removals[expectedLine] {
                result += "-\(removal)\n"
                expectedLine += 1
            } else if let insertion = insertions[actualLine] {
                result += "+\(insertion)\n"
                actualLine += 1
            } else {
                result += " \(expectedLines[expectedLine])\n"
                expectedLine += 1
                actualLine += 1
            }
        }
        return result
    }

    /// Throws ``GoldenTextMismatch`` (its description is the diff) unless `actual` equals `expected`.
    /// - Parameter what: names the text in the failure (`stdout of runbook list`).
    public static func check(_ actual: String, equals expected: String, what: String) throws {
        if let diff = difference(expected: expected, actual: actual) {
            throw GoldenTextMismatch(what: what, diff: diff)
        }
    }

    private static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

/// A text that differs from its golden form; Swift Testing and XCTest show the description.
public struct GoldenTextMismatch: Error, CustomStringConvertible, Equatable {
    /// What was compared (`stdout of runbook list`).
    public var what: String
    /// The line diff (`-` expected only, `+` actual only).
    public var diff: String

    /// Creates a mismatch.
    public init(what: String, diff: String) {
        self.what = what
        self.diff = diff
    }

    /// `<what> does not match the expected text (-expected +actual):` and the diff.
    public var description: String {
        "\(what) does not match the expected text (-expected +actual):\n\(diff)"
    }
}
