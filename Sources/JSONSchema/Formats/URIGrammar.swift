/// RFC 3986 URI / URI-reference and RFC 3987 IRI / IRI-reference syntax checks, on UTF-8 bytes
/// (for IRIs every non-ASCII character counts as `ucschar`). The bytes are borrowed, never copied, and
/// every part is an index range of them checked in one forward pass against a 128-bit ASCII bitmap.
struct URIGrammar {
    let bytes: UnsafeBufferPointer<UInt8>
    let international: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, international: Bool) {
        self.bytes = bytes
        self.international = international
    }

    static var colon: UInt8 { UInt8(ascii: ":") }
    static var slash: UInt8 { UInt8(ascii: "/") }
    static var at: UInt8 { UInt8(ascii: "@") }
    static var question: UInt8 { UInt8(ascii: "?") }
    static var hash: UInt8 { UInt8(ascii: "#") }
    static var percent: UInt8 { UInt8(ascii: "%") }

    var isURI: Bool {
        commonURI ?? isURIByGeneralGrammar
    }

    /// `isURI` without the one-pass shortcut (`commonURI`).
    var isURIByGeneralGrammar: Bool {
        let count = bytes.count
        guard count > 0, Self.isLetter(bytes[0]) else { return false }
        var index = 1
        while index < count {
            let byte = bytes[index]
            if byte == Self.colon { return isRelativePart(index + 1, count, allowColonInFirstSegment: true) }
            guard Self.isIn(byte, Self.schemeMask) else { return false }
            index += 1
        }
        return false
    }

    var isReference: Bool {
        if isURI { return true }
        return isRelativePart(0, bytes.count, allowColonInFirstSegment: false)
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }

    /// ASCII characters as a 128-bit bitmap (low: codes 0-63, high: 64-127).
    struct Mask: Equatable {
        var low: UInt64
        var high: UInt64
    }
    /// unreserved and sub-delims (`-._~!$&'()*+,;=`, letters, digits): a reg-name.
    static var hostMask: Mask { Mask(low: 0x2BFF_7FD2_0000_0000, high: 0x47FF_FFFE_87FF_FFFE) }
    /// host characters plus `:` (userinfo, IPvFuture).
    static var userMask: Mask { Mask(low: 0x2FFF_7FD2_0000_0000, high: 0x47FF_FFFE_87FF_FFFE) }
    /// host characters plus `:@/` (pchar and `/`).
    static var pathMask: Mask { Mask(low: 0x2FFF_FFD2_0000_0000, high: 0x47FF_FFFE_87FF_FFFF) }
    /// host characters plus `:@/?` (query, fragment).
    static var queryMask: Mask { Mask(low: 0xAFFF_FFD2_0000_0000, high: 0x47FF_FFFE_87FF_FFFF) }
    /// letters, digits, `+-.` (scheme after its first letter).
    static var schemeMask: Mask { Mask(low: 0x03FF_6800_0000_0000, high: 0x07FF_FFFE_07FF_FFFE) }

    @inline(__always) static func isIn(_ byte: UInt8, _ mask: Mask) -> Bool {
        byte < 64 ? mask.low >> UInt64(byte) & 1 != 0 : byte < 128 && mask.high >> UInt64(byte &- 64) & 1 != 0
    }

    /// The first index of `byte` in `start..<end`, or `end`.
    @inline(__always) private func first(_ byte: UInt8, _ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end && bytes[index] != byte { index += 1 }
        return index
    }

    /// The last index of `byte` in `start..<end`, or nil.
    @inline(__always) private func last(_ byte: UInt8, _ start: Int, _ end: Int) -> Int? {
        var index = end
        while index > start {
            index -= 1
            if bytes[index] == byte { return index }
        }
        return nil
    }

    /// Whether every character of `start..<end` is in `mask` (or non-ASCII in an IRI); percent escapes
    /// checked. With `fragmentOnce`, one `#` is accepted (the query/fragment separator).
    private func allowed(_ start: Int, _ end: Int, _ mask: Mask, fragmentOnce: Bool = false) -> Bool {
        var hashAllowed = fragmentOnce
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80, Self.isIn(byte, mask) {
                index += 1
            } else if byte == Self.percent {
                guard index + 2 < end, Self.isHex(bytes[index + 1]), Self.isHex(bytes[index + 2]) else { return false }
                index += 3
            } else if byte >= 0x80 {
                guard international else { return false }
                index += 1
            } else if byte == Self.hash && hashAllowed {
                hashAllowed = false
                index += 1
            } else {
                return false
            }
        }
        return true
    }

    /// hier-part / relative-part, then query and fragment.
    private func isRelativePart(_ start: Int, _ end: Int, allowColonInFirstSegment: Bool) -> Bool {
        var pathEnd = start
        while pathEnd < end {
            let byte = bytes[pathEnd]
            if byte == Self.question || byte == Self.hash { break }
            pathEnd += 1
        }
        if pathEnd < end {
            let fragmentOnce = bytes[pathEnd] == Self.question
            guard allowed(pathEnd + 1, end, Self.queryMask, fragmentOnce: fragmentOnce) else { return false }
        }
        var pathStart = start
        if pathEnd - start >= 2, bytes[start] == Self.slash, bytes[start + 1] == Self.slash {
            let authorityEnd = first(Self.slash, start + 2, pathEnd)
            guard isAuthority(start + 2, authorityEnd) else { return false }
            pathStart = authorityEnd
        } else if !allowColonInFirstSegment {
            let segmentEnd = first(Self.slash, start, pathEnd)
            if first(Self.colon, start, segmentEnd) < segmentEnd { return false }
        }
        return allowed(pathStart, pathEnd, Self.pathMask)
    }

    private func isAuthority(_ start: Int, _ end: Int) -> Bool {
        var hostStart = start
        if let at = last(Self.at, start, end) {
            guard allowed(start, at, Self.userMask) else { return false }
            hostStart = at + 1
        }
        if hostStart < end && bytes[hostStart] == UInt8(ascii: "[") {
            let close = first(UInt8(ascii: "]"), hostStart, end)
            guard close < end else { return false }
            if close + 1 < end {
                guard bytes[close + 1] == Self.colon, isDigits(close + 2, end) else { return false }
            }
            let literalStart = hostStart + 1
            if literalStart < close, bytes[literalStart] | 0x20 == UInt8(ascii: "v") {
                let dot = first(UInt8(ascii: "."), literalStart, close)
                guard dot < close, dot > literalStart + 1, dot + 1 < close else { return false }
                for index in (literalStart + 1)..<dot where !Self.isHex(bytes[index]) { return false }
                return allowed(dot + 1, close, Self.userMask)
            }
            return FormatChecker.isIPv6(bytes[literalStart..<close])
        }
        var hostEnd = end
        if let colon = last(Self.colon, hostStart, end) {
            guard isDigits(colon + 1, end) else { return false }
            hostEnd = colon
        }
        return allowed(hostStart, hostEnd, Self.hostMask)
    }

    private func isDigits(_ start: Int, _ end: Int) -> Bool {
        for index in start..<end where !Self.isDigit(bytes[index]) { return false }
        return true
    }
}
