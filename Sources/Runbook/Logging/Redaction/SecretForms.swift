import Foundation

/// Every spelling under which a run's secret values can appear in text, derived once per set of
/// secrets (the one place that knows them) and searched in one pass by a `SecretMatcher`.
///
/// For each value, the forms are:
/// - the value itself, and its upper-, lower-case, NFC and NFD spellings (ASCII letters are also
///   matched case-insensitively, so `%2f` and `%2F`, or hex in either case, are one form);
/// - percent-encoded as RFC 3986 unreserved, as `addingPercentEncoding` does with
///   `.alphanumerics`, `.urlQueryAllowed`, `.urlPathAllowed`, `.urlUserAllowed` and
///   `.urlPasswordAllowed`, as `URLComponents.queryItems` does (`&` `=` encoded, `+` `/` kept), as
///   form encoders do (`+` for a space, `-._*` kept, non-ASCII letters kept or encoded); and
///   percent-encoded twice (a URL inside a query parameter);
/// - JSON string escapes as `JSONEncoder` writes them (`\"`, `\\`, `\/`, `\n`, `\u001f`) and as
///   ASCII-only and HTML-safe encoders do (`\u00e9`, `\u003c`), with and without `\/`;
/// - XML/HTML character escapes (`&amp;`, `&lt;`, `&quot;`, `&#39;`, `&apos;`), and doubled
///   quotes (`""` in CSV, `''` in YAML and SQL);
/// - base64 (standard and URL-safe, padded and not, also with `\/` and percent-encoded) and hex
///   of the UTF-8 bytes.
///
/// A base64 run that *contains* a value at any offset (`Basic base64(user:secret)`) is found by
/// decoding runs (`Redactor`), not by a form. Forms shorter than 4 bytes are dropped.
struct SecretForms: Sendable {
    /// The secrets' names (nil for a value obtained at run time without one), by owner index.
    let names: [String?]
    /// The raw values as bytes, by owner index.
    let rawValues: [[UInt8]]
    /// Every form, with the index of the secret it spells.
    let forms: [(text: String, owner: Int)]
    /// Finds every form in one pass.
    let matcher: SecretMatcher
    /// Finds raw values (and their case variants) inside decoded base64 runs.
    let rawMatcher: SecretMatcher

    init(values: [String]) {
        self.init(entries: values.map { (nil, $0) })
    }

    init(entries: [(name: String?, value: String)]) {
        var seen: Set<String> = []
        var forms: [(text: String, owner: Int)] = []
        for (owner, entry) in entries.enumerated() {
            for form in Self.forms(of: entry.value) where form.utf8.count >= 4 && seen.insert(Self.asciiFolded(form)).inserted {
                forms.append((form, owner))
            }
        }
        names = entries.map(\.name)
        rawValues = entries.map { Array($0.value.utf8) }
        self.forms = forms
        matcher = SecretMatcher(patterns: forms.map { Array($0.text.utf8) }, owners: forms.map(\.owner))
        rawMatcher = SecretMatcher(patterns: entries.map { Array($0.value.utf8) })
    }

    /// The text with ASCII letters lowercased (the matcher's notion of "the same form").
    static func asciiFolded(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether there is no secret to look for.
    var isEmpty: Bool { matcher.isEmpty }

    /// The forms of one value (unordered, possibly with duplicates).
    static func forms(of value: String) -> [String] {
        var result = [value, value.uppercased(), value.lowercased(),
                      value.precomposedStringWithCanonicalMapping, value.decomposedStringWithCanonicalMapping]
        let unreserved = percentEncoded(value)
        result += [unreserved, unreserved.replacingOccurrences(of: "%20", with: "+"), percentEncoded(unreserved)]
        // `URLComponents.queryItems` encodes `&` and `=` but keeps `+` and `/`; form encoders keep `-._*`.
        let queryValue = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&="))
        let strictQueryValue = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+/?:@"))
        let formValue = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._* "))
        let unreservedLetters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        for allowed in [CharacterSet.alphanumerics, .urlQueryAllowed, .urlPathAllowed, .urlUserAllowed, .urlPasswordAllowed,
                        queryValue, strictQueryValue, formValue, unreservedLetters] {
            if let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) {
                result += [encoded, encoded.replacingOccurrences(of: "%20", with: "+"), encoded.replacingOccurrences(of: " ", with: "+")]
            }
        }
        for escapeSlash in [false, true] {
            for asciiOnly in [false, true] {
                for htmlSafe in [false, true] {
                    result.append(jsonEscaped(value, escapeSlash: escapeSlash, asciiOnly: asciiOnly, htmlSafe: htmlSafe))
                }
            }
        }
        let xml = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        result += [xml, xml.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;"),
                   xml.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;"),
                   value.replacingOccurrences(of: "\"", with: "\"\""), value.replacingOccurrences(of: "'", with: "''")]
        let base64 = Data(value.utf8).base64EncodedString()
        let unpadded = base64.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        let urlSafe = unpadded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        for encoded in [base64, unpadded] {
            result += [encoded, encoded.replacingOccurrences(of: "/", with: "\\/"), percentEncoded(encoded)]
        }
        result += [urlSafe, urlSafe + String(repeating: "=", count: base64.count - unpadded.count)]
        result.append(String(decoding: value.utf8.flatMap { [hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 15)]] }, as: UTF8.self))
        return result
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

    /// Percent-encodes everything except RFC 3986 unreserved ASCII characters (`A-Z a-z 0-9 - . _ ~`).
    static func percentEncoded(_ value: String) -> String {
        var result = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(Unicode.Scalar(upperHexDigits[Int(byte >> 4)]))
                result.unicodeScalars.append(Unicode.Scalar(upperHexDigits[Int(byte & 15)]))
            }
        }
        return result
    }

    /// A JSON string body: `"` `\` and control characters escaped as `JSONEncoder` does; `/` as
    /// `\/` when asked; non-ASCII as `\uXXXX` (UTF-16) when asked; `<>&'` as `\u00XX` when asked.
    static func jsonEscaped(_ value: String, escapeSlash: Bool, asciiOnly: Bool, htmlSafe: Bool) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "/" where escapeSlash: result += "\\/"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case "<", ">", "&", "'":
                if htmlSafe { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            default:
                if scalar.value < 0x20 || (asciiOnly && !scalar.isASCII) {
                    for unit in String(scalar).utf16 { result += String(format: "\\u%04x", unit) }
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
