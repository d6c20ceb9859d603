/// RFC 3986 URI / URI-reference and RFC 3987 IRI / IRI-reference syntax checks.
struct URIGrammar {
    let scalars: [Unicode.Scalar]
    let international: Bool

    init(_ text: String, international: Bool) {
        scalars = Array(text.unicodeScalars)
        self.international = international
    }

    var isURI: Bool {
        guard let colon = scalars.firstIndex(of: ":"), isScheme(scalars[..<colon]) else { return false }
        return isRelativePart(scalars[(colon + 1)...], allowColonInFirstSegment: true)
    }

    var isReference: Bool {
        if isURI { return true }
        return isRelativePart(scalars[...], allowColonInFirstSegment: false)
    }

    private func isScheme(_ part: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = part.first, ASCIIClass.isLetter(first) else { return false }
        return part.allSatisfy { ASCIIClass.isAlphanumeric($0) || ASCIIClass.isOneOf($0, "+-.") }
    }

    private func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ASCIIClass.isAlphanumeric(scalar) || ASCIIClass.isOneOf(scalar, "-._~")
        }
        return international && scalar.value >= 0xA0 && !(0xFFF0...0xFFFF).contains(scalar.value) && !(0xD800...0xDFFF).contains(scalar.value)
    }

    private func isSubDelim(_ scalar: Unicode.Scalar) -> Bool { ASCIIClass.isOneOf(scalar, "!$&'()*+,;=") }

    /// Whether every character of `part` is allowed (`extra` adds characters); percent escapes checked.
    private func allowed(_ part: ArraySlice<Unicode.Scalar>, _ extra: String) -> Bool {
        var index = part.startIndex
        while index < part.endIndex {
            let scalar = part[index]
            if scalar == "%" {
                guard index + 2 < part.endIndex,
                      ASCIIClass.isHex(part[index + 1]), ASCIIClass.isHex(part[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(scalar) || isSubDelim(scalar) || (scalar.isASCII && extra.utf8.contains(UInt8(scalar.value))) else { return false }
            index += 1
        }
        return true
    }

    /// hier-part / relative-part, then query and fragment.
    private func isRelativePart(_ part: ArraySlice<Unicode.Scalar>, allowColonInFirstSegment: Bool) -> Bool {
        var rest = part
        if let hash = rest.firstIndex(of: "#") {
            guard allowed(rest[(hash + 1)...], ":@/?") else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            guard allowed(rest[(question + 1)...], ":@/?") else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: ["/", "/"]) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            guard isAuthority(rest[..<end]) else { return false }
            rest = rest[end...]
        } else if !allowColonInFirstSegment {
            let firstSegment = rest.prefix { $0 != "/" }
            if firstSegment.contains(":") { return false }
        }
        return allowed(rest, ":@/")
    }

    private func isAuthority(_ part: ArraySlice<Unicode.Scalar>) -> Bool {
        var hostPart = part
        if let at = part.lastIndex(of: "@") {
            guard allowed(part[..<at], ":") else { return false }
            hostPart = part[(at + 1)...]
        }
        if hostPart.first == "[" {
            guard let close = hostPart.firstIndex(of: "]") else { return false }
            let literal = hostPart[(hostPart.startIndex + 1)..<close]
            let port = hostPart[(close + 1)...]
            guard port.isEmpty || (port.first == ":" && port.dropFirst().allSatisfy { ("0"..."9").contains($0) }) else { return false }
            if let v = literal.first, v == "v" || v == "V" {
                guard let dot = literal.firstIndex(of: "."), dot > literal.startIndex + 1,
                      literal[(literal.startIndex + 1)..<dot].allSatisfy(\.properties.isASCIIHexDigit),
                      dot + 1 < literal.endIndex else { return false }
                return allowed(literal[(dot + 1)...], ":")
            }
            return FormatChecker.isIPv6(Array(String(String.UnicodeScalarView(literal)).utf8)[...])
        }
        var host = hostPart
        if let colon = hostPart.lastIndex(of: ":") {
            guard hostPart[(colon + 1)...].allSatisfy({ ("0"..."9").contains($0) }) else { return false }
            host = hostPart[..<colon]
        }
        return allowed(host, "")
    }
}
