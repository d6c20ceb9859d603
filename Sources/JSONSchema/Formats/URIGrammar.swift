/// RFC 3986 URI / URI-reference and RFC 3987 IRI / IRI-reference syntax checks, on UTF-8 bytes
/// (for IRIs every non-ASCII character counts as `ucschar`).
struct URIGrammar {
    let bytes: [UInt8]
    let international: Bool

    init(_ text: String, international: Bool) {
        bytes = Array(text.utf8)
        self.international = international
    }

    private static let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/"), at = UInt8(ascii: "@")

    var isURI: Bool {
        guard let colon = bytes.firstIndex(of: Self.colon), isScheme(bytes[..<colon]) else { return false }
        return isRelativePart(bytes[(colon + 1)...], allowColonInFirstSegment: true)
    }

    var isReference: Bool {
        if isURI { return true }
        return isRelativePart(bytes[...], allowColonInFirstSegment: false)
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }

    private func isScheme(_ part: ArraySlice<UInt8>) -> Bool {
        guard let first = part.first, Self.isLetter(first) else { return false }
        return part.allSatisfy { Self.isLetter($0) || Self.isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    /// unreserved / sub-delims as a 128-bit ASCII bitmap (low: 0-63, high: 64-127).
    private static let plainMask: (low: UInt64, high: UInt64) = mask("-._~!$&'()*+,;=", letters: true)

    /// The bitmap of `characters` (plus ASCII letters and digits when `letters`).
    private static func mask(_ characters: String, letters: Bool) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        var all = Array(characters.utf8)
        if letters { all += Array(UInt8(ascii: "a")...UInt8(ascii: "z")) + Array(UInt8(ascii: "A")...UInt8(ascii: "Z")) + Array(UInt8(ascii: "0")...UInt8(ascii: "9")) }
        for byte in all { if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) } }
        return (low, high)
    }

    /// Whether every character of `part` is allowed (`extra` adds ASCII characters); percent escapes checked.
    private func allowed(_ part: ArraySlice<UInt8>, _ extra: StaticString) -> Bool {
        var (low, high) = Self.plainMask
        let extras = UnsafeBufferPointer(start: extra.utf8Start, count: extra.utf8CodeUnitCount)
        for byte in extras { if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) } }
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < part.endIndex, Self.isHex(part[index + 1]), Self.isHex(part[index + 2]) else { return false }
                index += 3
                continue
            }
            if byte >= 0x80 {
                guard international else { return false }
            } else if byte < 64 {
                guard low & (1 << UInt64(byte)) != 0 else { return false }
            } else {
                guard high & (1 << UInt64(byte - 64)) != 0 else { return false }
            }
            index += 1
        }
        return true
    }

    /// hier-part / relative-part, then query and fragment.
    private func isRelativePart(_ part: ArraySlice<UInt8>, allowColonInFirstSegment: Bool) -> Bool {
        var rest = part
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard allowed(rest[(hash + 1)...], ":@/?") else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard allowed(rest[(question + 1)...], ":@/?") else { return false }
            rest = rest[..<question]
        }
        if rest.count >= 2, rest[rest.startIndex] == Self.slash, rest[rest.startIndex + 1] == Self.slash {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: Self.slash) ?? rest.endIndex
            guard isAuthority(rest[..<end]) else { return false }
            rest = rest[end...]
        } else if !allowColonInFirstSegment {
            if rest.prefix(while: { $0 != Self.slash }).contains(Self.colon) { return false }
        }
        return allowed(rest, ":@/")
    }

    private func isAuthority(_ part: ArraySlice<UInt8>) -> Bool {
        var hostPart = part
        if let at = part.lastIndex(of: Self.at) {
            guard allowed(part[..<at], ":") else { return false }
            hostPart = part[(at + 1)...]
        }
        if hostPart.first == UInt8(ascii: "[") {
            guard let close = hostPart.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = hostPart[(hostPart.startIndex + 1)..<close]
            let port = hostPart[(close + 1)...]
            guard port.isEmpty || (port.first == Self.colon && port.dropFirst().allSatisfy(Self.isDigit)) else { return false }
            if let v = literal.first, v | 0x20 == UInt8(ascii: "v") {
                guard let dot = literal.firstIndex(of: UInt8(ascii: ".")), dot > literal.startIndex + 1,
                      literal[(literal.startIndex + 1)..<dot].allSatisfy(Self.isHex), dot + 1 < literal.endIndex else { return false }
                return allowed(literal[(dot + 1)...], ":")
            }
            return FormatChecker.isIPv6(literal)
        }
        var host = hostPart
        if let colon = hostPart.lastIndex(of: Self.colon) {
            guard hostPart[(colon + 1)...].allSatisfy(Self.isDigit) else { return false }
            host = hostPart[..<colon]
        }
        return allowed(host, "")
    }
}
