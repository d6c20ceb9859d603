/// Host names, IP addresses and e-mail addresses.
extension FormatChecker {
    static func isIPv4(_ bytes: UTF8Bytes) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
            guard let value = number(part, part.startIndex, part.count), value <= 255 else { return false }
        }
        return true
    }

    static func isIPv6(_ bytes: UTF8Bytes) -> Bool {
        guard bytes.allSatisfy({ isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else { return false }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains(".") {
            guard let lastColon = text.lastIndex(of: ":"),
                  StringBytes.with(String(text[text.index(after: lastColon)...]), { isIPv4($0[...]) }) else { return false }
            text = String(text[...lastColon]) + "0:0"
        }
        func groupsValid(_ part: Substring) -> [Substring]? {
            if part.isEmpty { return [] }
            let groups = part.split(separator: ":", omittingEmptySubsequences: false)
            return groups.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) ? groups : nil
        }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        switch halves.count {
        case 1: return groupsValid(halves[0])?.count == 8
        case 2:
            guard let left = groupsValid(halves[0]), let right = groupsValid(halves[1]) else { return false }
            return left.count + right.count < 8
        default: return false
        }
    }

    /// An RFC 1123 host name (ASCII; `xn--` labels must be valid IDNA A-labels).
    static func isHostname(_ text: String) -> Bool {
        StringBytes.with(text) { isHostname($0[...]) }
    }

    static func isHostname(_ bytes: UTF8Bytes) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labelStart = bytes.startIndex
        var index = bytes.startIndex
        while index <= bytes.endIndex {
            if index == bytes.endIndex || bytes[index] == UInt8(ascii: ".") {
                guard isHostLabel(bytes[labelStart..<index]) else { return false }
                labelStart = index + 1
            } else {
                let byte = bytes[index]
                guard isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "-") else { return false }
            }
            index += 1
        }
        return true
    }

    private static func isHostLabel(_ label: UTF8Bytes) -> Bool {
        guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
        if label.count >= 4, label[label.startIndex + 2] == UInt8(ascii: "-"), label[label.startIndex + 3] == UInt8(ascii: "-") {
            guard label[label.startIndex] | 0x20 == UInt8(ascii: "x"), label[label.startIndex + 1] | 0x20 == UInt8(ascii: "n"),
                  IDNHostname.isValidALabel(String(decoding: label, as: UTF8.self)) else { return false }
        }
        return true
    }

    static func isEmail(_ bytes: UnsafeBufferPointer<UInt8>, international: Bool) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at + 1 < bytes.count else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        if local.first == UInt8(ascii: "\"") {
            guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
            var escaped = false
            for byte in local.dropFirst().dropLast() {
                if escaped { escaped = false; continue }
                if byte == UInt8(ascii: "\\") { escaped = true; continue }
                if byte == UInt8(ascii: "\"") || byte < 0x20 || byte == 0x7F || (!international && byte >= 0x80) { return false }
            }
            if escaped { return false }
        } else {
            var previousDot = true
            for byte in local {
                if byte == UInt8(ascii: ".") {
                    if previousDot { return false }
                    previousDot = true
                    continue
                }
                previousDot = false
                let isAtom = isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (international && byte >= 0x80)
                    || Self.isAtomSymbol(byte)
                if !isAtom { return false }
            }
            if previousDot { return false }
        }
        if domain.first == UInt8(ascii: "[") {
            guard domain.last == UInt8(ascii: "]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.starts(with: "IPv6:".utf8) { return isIPv6(literal.dropFirst(5)) }
            return isIPv4(literal)
        }
        return international ? IDNHostname.isValid(String(decoding: domain, as: UTF8.self)) : isHostname(domain)
    }

    /// Whether the byte is one of ``!#$%&'*+-/=?^_`{|}~`` (bitmaps of the ASCII codes 0-63 and 64-127).
    @inline(__always)
    private static func isAtomSymbol(_ byte: UInt8) -> Bool {
        byte < 64 ? (0xA0_00_AC_FA_00_00_00_00 as UInt64) >> UInt64(byte) & 1 != 0
            : byte < 128 && (0x78_00_00_01_C0_00_00_00 as UInt64) >> UInt64(byte - 64) & 1 != 0
    }
}
