/// Checks that an organisation or environment name is a safe identifier before it is used in a
/// file name: `[a-z0-9][a-z0-9_-]*`, at most 64 characters, so `../etc`, `a/b`, `prod.json`,
/// empty strings and upper case are refused.
public enum ConfigIdentifier {
    /// The longest accepted identifier.
    public static let maximumLength = 64

    /// Whether `value` is a valid org or env identifier.
    public static func isValid(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Throws a `HelpfulError` (exit 78: no configuration can have this name) unless `value` is valid.
    /// - Parameter role: `org` or `env`, used in the message.
    public static func validate(_ value: String, role: String) throws(HelpfulError) {
        guard !isValid(value) else { return }
        let shown = value.unicodeScalars.count > 80 ? String(value.prefix(80)) + "…" : value
        throw HelpfulError(
            code: .configInvalidIdentifier,
            problem: "Invalid \(role) '\(shown.debugEscaped)': it must be a lower-case identifier",
            solution: "Use only a-z, 0-9, '-' and '_', starting with a letter or digit, at most \(maximumLength) "
                + "characters (no dots, slashes or spaces): it becomes part of the config file name",
            example: "runbook run hello-world demo test",
            location: ErrorLocation(origin: "command-line argument <\(role)>"),
            exitCode: .configuration
        )
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension String {
    /// The string with control characters escaped, safe to show inside quotes in a message.
    var debugEscaped: String {
        var result = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
