/// RFC 3986 URI / URI-reference and RFC 3987 IRI / IRI-reference syntax checks, on UTF-8 bytes
/// (for IRIs every non-ASCII character counts as `ucschar`). The bytes are borrowed, never copied.
struct URIGrammar {
    typealias UTF8Bytes = FormatChecker.UTF8Bytes
    let bytes: UnsafeBufferPointer<UInt8>
    let international: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, international: Bool) {
        self.bytes = bytes
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

    private func isScheme(_ part: UTF8Bytes) -> Bool {
        guard let first = part.first, Self.isLetter(first) else { return false }
        return part.allSatisfy { Self.isLetter($0) || Self.isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    /// Allowed ASCII characters as a 128-bit bitmap (low: codes 0-63, high: 64-127): unreserved and
    /// sub-delims (`-._~!$&'()*+,;=`, letters, digits) plus the characters named after `mask`.
    private typealias Mask = (low: UInt64, high: UInt64)
    private static let hostMask: Mask = (0x2BFF_7FD2_0000_0000, 0x47FF_FFFE_87FF_FFFE)
    /// plus `:`
    private static let userMask: Mask = (0x2FFF_7FD2_0000_0000, 0x47FF_FFFE_87FF_FFFE)
    /// plus `:@/`
    private static let pathMask: Mask = (0x2FFF_FFD2_0000_0000, 0x47FF_FFFE_87FF_FFFF)
    /// plus `:@/?`
    private static let queryMask: Mask = (0xAFFF_FFD2_0000_0000, 0x47FF_FFFE_87FF_FFFF)

    /// Whether every character of `part` is in `mask` (or non-ASCII in an IRI); percent escapes checked.
    private func allowed(_ part: UTF8Bytes, _ mask: Mask) -> Bool {
        let (low, high) = mask
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
    private func isRelativePart(_ part: UTF8Bytes, allowColonInFirstSegment: Bool) -> Bool {
        var rest = part
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard allowed(rest[(hash + 1)...], Self.queryMask) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard allowed(rest[(question + 1)...], Self.queryMask) else { return false }
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
        return allowed(rest, Self.pathMask)
    }

    private func isAuthority(_ part: UTF8Bytes) -> Bool {
        var hostPart = part
        if let at = part.lastIndex(of: Self.at) {
            guard allowed(part[..<at], Self.userMask) else { return false }
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
                return allowed(literal[(dot + 1)...], Self.userMask)
            }
            return FormatChecker.isIPv6(literal)
        }
        var host = hostPart
        if let colon = hostPart.lastIndex(of: Self.colon) {
            guard hostPart[(colon + 1)...].allSatisfy(Self.isDigit) else { return false }
            host = hostPart[..<colon]
        }
        return allowed(host, Self.hostMask)
    }
}
