import Foundation

/// Builds request URLs: a path relative to the base URL, or an absolute URL, plus query items.
enum RequestURL {
    /// Characters left as they are in a query name or value (RFC 3986 unreserved, plus `$`,
    /// `'`, `(`, `)`, `,`, `:`, `@`, `/` which OData uses and which are safe in a query).
    static let queryAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~$'(),:@/")
        return set
    }()

    /// Resolves `path` against `base` (appended to the base's path, whatever the slashes) and adds `query`.
    static func make(base: URL?, path: String, query: [URLQueryItem]) -> URL? {
        let target: URL?
        if path.contains("://") {
            target = URL(string: path)
        } else if let base {
            var text = base.absoluteString
            if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
            let trimmedPath = escapeRelative(String(path.drop { $0 == "/" }))
            if !text.hasSuffix("/") && !trimmedPath.isEmpty { text += "/" }
            target = URL(string: text + trimmedPath)
        } else {
            target = nil
        }
        guard let target, let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https",
              !(target.host ?? "").isEmpty
        else { return nil }
        guard !query.isEmpty else { return target }
        let encoded = query.map { item in
            let name = encode(item.name)
            return item.value.map { "\(name)=\(encode($0))" } ?? name
        }.joined(separator: "&")
        let separator = target.query == nil ? "?" : "&"
        return URL(string: target.absoluteString + separator + encoded)
    }

    /// Characters left as they are in a relative path: RFC 3986 path characters plus `%` (so
    /// existing escapes survive). Spaces, quotes, non-ASCII letters are percent-encoded.
    static let pathAllowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~!$&'()*+,;=:@/%")
        return set
    }()

    /// Escapes a relative path (and a query written into it) so `customers('Øst Å')` works.
    static func escapeRelative(_ path: String) -> String {
        if path.utf8.allSatisfy(isPlainPathByte) { return path }  // the common case, without Foundation
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let escapedPath = String(parts[0]).addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? String(parts[0])
        guard parts.count == 2 else { return escapedPath }
        var queryAllowedHere = queryAllowed
        queryAllowedHere.insert(charactersIn: "=&%")
        return escapedPath + "?" + (String(parts[1]).addingPercentEncoding(withAllowedCharacters: queryAllowedHere) ?? String(parts[1]))
    }

    /// ASCII letters, digits and `-._~/()'$,:@=&%`: nothing to escape in a path.
    static func isPlainPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~/()'$,:@=&%".utf8.contains(byte)
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? text
    }

    /// Resolves a `Location` or `nextLink` (absolute or relative) against the URL it came from.
    static func resolve(_ reference: String, against url: URL) -> URL? {
        URL(string: reference, relativeTo: url)?.absoluteURL
    }

    /// `host:port` as the rate limiter and circuit breaker key.
    static func hostKey(_ url: URL) -> String {
        let host = url.host ?? ""
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
