/// A URI split into RFC 3986 components, with reference resolution (section 5.2) — enough for
/// `$id` and `$ref` handling without Foundation's `URL` quirks (URNs, empty fragments).
struct URIReference: Sendable, Equatable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"),
           let first = rest.first, first.isLetter,
           rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
           !rest[..<colon].contains("/") {
            scheme = String(rest[..<colon]).lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    /// The text form.
    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// The URI without its fragment.
    var withoutFragment: String {
        var copy = self
        copy.fragment = nil
        return copy.text
    }

    /// Resolves `reference` against this (absolute) base URI.
    func resolving(_ reference: String) -> URIReference {
        let ref = URIReference(reference)
        var target = URIReference("")
        if ref.scheme != nil {
            target = ref
            target.path = Self.removeDotSegments(ref.path)
            return target
        }
        target.scheme = scheme
        if ref.authority != nil {
            target.authority = ref.authority
            target.path = Self.removeDotSegments(ref.path)
            target.query = ref.query
        } else {
            target.authority = authority
            if ref.path.isEmpty {
                target.path = path
                target.query = ref.query ?? query
            } else {
                if ref.path.hasPrefix("/") {
                    target.path = Self.removeDotSegments(ref.path)
                } else if authority != nil && path.isEmpty {
                    target.path = Self.removeDotSegments("/" + ref.path)
                } else if let slash = path.lastIndex(of: "/") {
                    target.path = Self.removeDotSegments(String(path[...slash]) + ref.path)
                } else {
                    target.path = Self.removeDotSegments(ref.path)
                }
                target.query = ref.query
            }
        }
        target.fragment = ref.fragment
        return target
    }

    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if segment == "." {
                if isLast { output.append("") }
            } else if segment == ".." {
                if output.count > 1 || (output.count == 1 && output[0] != "") { output.removeLast() }
                if isLast { output.append("") }
            } else {
                output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }
}
