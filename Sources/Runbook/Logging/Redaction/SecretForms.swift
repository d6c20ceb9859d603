import Foundation

/// The spellings under which a secret value can appear in text: as is, percent-encoded (with
/// `%20` or `+` for a space) and base64 (standard and URL-safe, with and without padding).
struct SecretForms: Sendable {
    /// Every literal form, longest first, deduplicated.
    let literals: [String]
    /// The literal forms' UTF-8 bytes, same order.
    let literalBytes: [[UInt8]]
    /// The raw values as bytes (for matching inside decoded base64 runs).
    let rawValues: [[UInt8]]

    init(values: [String]) {
        var forms: Set<String> = []
        for value in values {
            forms.insert(value)
            let encoded = Self.percentEncoded(value)
            forms.insert(encoded)
            forms.insert(encoded.replacingOccurrences(of: "%20", with: "+"))
            forms.insert(encoded.lowercasedPercentEscapes())
            let base64 = Data(value.utf8).base64EncodedString()
            let unpadded = base64.trimmingCharacters(in: CharacterSet(charactersIn: "="))
            let urlSafe = unpadded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            forms.formUnion([base64, unpadded, urlSafe, urlSafe + String(repeating: "=", count: base64.count - unpadded.count)])
        }
        literals = forms.filter { $0.count >= 4 }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        rawValues = values.map { Array($0.utf8) }
        literalBytes = literals.map { Array($0.utf8) }
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters.
    static func percentEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        // `alphanumerics` includes non-ASCII letters; restrict to ASCII.
        var result = ""
        for scalar in value.unicodeScalars {
            if scalar.isASCII, allowed.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            }
        }
        return result
    }
}

extension String {
    /// The same text with `%AB` escapes in lowercase hex (`%ab`).
    func lowercasedPercentEscapes() -> String {
        var result = ""
        var remaining = 0
        for character in self {
            if character == "%" {
                remaining = 2
                result.append(character)
            } else if remaining > 0 {
                remaining -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
