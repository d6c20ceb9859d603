/// The common shape `scheme://host[:port][/path][?query][#fragment]` in one forward pass. It answers
/// only for ASCII text without userinfo or IP literal (nil otherwise: the general grammar decides),
/// and its answers are the general grammar's.
extension URIGrammar {
    var commonURI: Bool? {
        let count = bytes.count
        guard count > 0, Self.isLetter(bytes[0]) else { return false }
        var index = 1
        while index < count, bytes[index] != Self.colon {
            guard Self.isIn(bytes[index], Self.schemeMask) else { return false }
            index += 1
        }
        guard index + 2 < count, bytes[index + 1] == Self.slash, bytes[index + 2] == Self.slash else { return nil }
        index += 3
        var inPort = false
        while index < count {
            let byte = bytes[index]
            if !inPort, Self.isIn(byte, Self.hostMask) {
                index += 1
                continue
            }
            if byte == Self.slash || byte == Self.question || byte == Self.hash { break }
            if byte >= 0x80 || byte == Self.at || byte == UInt8(ascii: "[") { return nil }
            if byte == Self.colon {
                if inPort { return nil }
                inPort = true
            } else if inPort {
                guard Self.isDigit(byte) else { return nil }  // perhaps userinfo: an `@` may follow
            } else if !Self.isIn(byte, Self.hostMask) {
                guard escapeIsValid(index, count) else { return false }
                index += 2
            }
            index += 1
        }
        return rest(from: index, count)
    }

    /// The path, query and fragment from `index` on (after the authority).
    private func rest(from start: Int, _ count: Int) -> Bool? {
        var index = start
        var mask = Self.pathMask
        var hashAllowed = true
        while index < count {
            let byte = bytes[index]
            if Self.isIn(byte, mask) {
                index += 1
                continue
            }
            if byte >= 0x80 { return nil }
            if byte == Self.percent {
                guard escapeIsValid(index, count) else { return false }
                index += 3
                continue
            }
            if byte == Self.question && mask == Self.pathMask {
                mask = Self.queryMask
            } else if byte == Self.hash && hashAllowed {
                mask = Self.queryMask
                hashAllowed = false
            } else {
                return false
            }
            index += 1
        }
        return true
    }

    @inline(__always)
    private func escapeIsValid(_ index: Int, _ count: Int) -> Bool {
        bytes[index] == Self.percent && index + 2 < count && Self.isHex(bytes[index + 1]) && Self.isHex(bytes[index + 2])
    }
}
