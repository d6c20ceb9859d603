import Foundation

/// The OData query options the demo API understands: `$top`, `$skip` and a `$filter` of the form
/// `field eq 'value'` (one comparison, a quoted string; `''` is an escaped quote).
struct ODataQuery: Sendable, Equatable {
    /// `$top`, if given.
    var top: Int?
    /// `$skip` (0 when absent).
    var skip = 0
    /// The `$filter` comparison, if given.
    var filter: (field: String, value: String)?

    static func == (lhs: ODataQuery, rhs: ODataQuery) -> Bool {
        lhs.top == rhs.top && lhs.skip == rhs.skip && lhs.filter?.field == rhs.filter?.field
            && lhs.filter?.value == rhs.filter?.value
    }

    /// Reads the options from a query; the error text says which option is invalid.
    static func parse(_ query: [String: String]) -> Result<ODataQuery, ODataQueryError> {
        var result = ODataQuery()
        if let text = query["$top"] {
            guard let top = Int(text), top >= 0 else { return .failure(ODataQueryError("$top must be a whole number ≥ 0, got '\(text)'")) }
            result.top = top
        }
        if let text = query["$skip"] {
            guard let skip = Int(text), skip >= 0 else { return .failure(ODataQueryError("$skip must be a whole number ≥ 0, got '\(text)'")) }
            result.skip = skip
        }
        if let text = query["$filter"] {
            guard let filter = parseFilter(text) else {
                return .failure(ODataQueryError("$filter '\(text)' is not supported: use field eq 'value'"))
            }
            result.filter = filter
        }
        return .success(result)
    }

    static func parseFilter(_ text: String) -> (field: String, value: String)? {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count == 3, parts[1] == "eq", parts[0].allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        let literal = parts[2]
        guard literal.count >= 2, literal.hasPrefix("'"), literal.hasSuffix("'") else { return nil }
        return (String(parts[0]), literal.dropFirst().dropLast().replacingOccurrences(of: "''", with: "'"))
    }

    /// The key segment of an entity path, `customers(C001)` → `C001`, with the key percent-encoded
    /// as a client encodes it (RFC 3986 unreserved characters stay as they are).
    static func keySegment(_ collection: String, _ key: String) -> String {
        "\(collection)(\(encodeKey(key)))"
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func encodeKey(_ key: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key
    }
}

/// An invalid OData query option.
struct ODataQueryError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
