/// Host names, IP addresses and e-mail addresses.
extension FormatChecker {
    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
            guard let value = number(part, part.startIndex, part.count), value <= 255 else { return false }
        }
        return true
    }

    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.allSatisfy({ isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else { return false }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains(".") {
            guard let lastColon = text.lastIndex(of: ":"),
                  isIPv4(Array(text[text.index(after: lastColon)...].utf8)[...]) else { return false }
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
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            guard label.allSatisfy({ isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == UInt8(ascii: "-") }) else { return false }
            if label.count >= 4, label[label.startIndex + 2] == UInt8(ascii: "-"), label[label.startIndex + 3] == UInt8(ascii: "-") {
                let prefix = String(decoding: label.prefix(2), as: UTF8.self).lowercased()
                guard prefix == "xn", IDNHostname.isValidALabel(String(decoding: label, as: UTF8.self)) else { return false }
            }
        }
        return true
    }

    static func isEmail(_ text: String, international: Bool) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
            var escaped = false
            for scalar in local.unicodeScalars.dropFirst().dropLast() {
                if escaped { escaped = false; continue }
                if scalar == "\\" { escaped = true; continue }
                if scalar == "\"" || scalar.value < 0x20 || (!international && scalar.value >= 0x7F) { return false }
            }
            if escaped { return false }
        } else {
            for scalar in local.unicodeScalars {
                let ok = ASCIIClass.isAlphanumeric(scalar) || ASCIIClass.isOneOf(scalar, "!#$%&'*+-/=?^_`{|}~.")
                    || (international && scalar.value >= 0x80)
                if !ok { return false }
            }
            if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") { return false }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(Array(literal.dropFirst(5).utf8)[...]) }
            return isIPv4(Array(literal.utf8)[...])
        }
        return international ? IDNHostname.isValid(String(domain)) : isHostname(String(domain))
    }
}
