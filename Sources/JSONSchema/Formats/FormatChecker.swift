/// The `format` checks (asserted only when `ValidationOptions.assertFormats` or the
/// format-assertion vocabulary asks for them). Unknown formats are accepted.
enum FormatChecker {
    /// A range of a string's UTF-8 bytes, borrowed for the duration of one check.
    typealias UTF8Bytes = Slice<UnsafeBufferPointer<UInt8>>

    static func isValid(_ text: String, format: String) -> Bool {
        isValid(text, kind: FormatKind(name: format))
    }

    static func isValid(_ text: String, kind: FormatKind) -> Bool {
        switch kind {
        case .idnHostname: return IDNHostname.isValid(text)
        case .uriTemplate: return isURITemplate(text)
        case .regex: return (try? ECMARegex(text)) != nil
        case .unknown: return true
        default: return StringBytes.with(text) { isValid(bytes: $0, kind: kind) }
        }
    }

    /// The byte-level checks: every format whose grammar is defined on UTF-8 bytes.
    private static func isValid(bytes: UnsafeBufferPointer<UInt8>, kind: FormatKind) -> Bool {
        switch kind {
        case .dateTime: return isDateTime(bytes)
        case .date: return isDate(bytes[...])
        case .time: return isTime(bytes[...])
        case .duration: return isDuration(bytes)
        case .email: return isEmail(bytes, international: false)
        case .idnEmail: return isEmail(bytes, international: true)
        case .hostname: return isHostname(bytes[...])
        case .ipv4: return isIPv4(bytes[...])
        case .ipv6: return isIPv6(bytes[...])
        case .uri: return URIGrammar(bytes, international: false).isURI
        case .uriReference: return URIGrammar(bytes, international: false).isReference
        case .iri: return URIGrammar(bytes, international: true).isURI
        case .iriReference: return URIGrammar(bytes, international: true).isReference
        case .uuid: return isUUID(bytes)
        case .jsonPointer: return isJSONPointer(bytes[...])
        case .relativeJSONPointer: return isRelativeJSONPointer(bytes)
        case .idnHostname, .uriTemplate, .regex, .unknown: return true
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) }

    /// The number in `count` ASCII digits at `start`, or nil.
    static func number(_ bytes: UTF8Bytes, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.endIndex else { return nil }
        var value = 0
        for index in start..<(start + count) {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    static func isDate(_ bytes: UTF8Bytes) -> Bool {
        let s = bytes.startIndex
        guard bytes.count == 10, bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
              let year = number(bytes, s, 4), let month = number(bytes, s + 5, 2), let day = number(bytes, s + 8, 2),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        switch month {
        case 2: return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    static func isTime(_ bytes: UTF8Bytes) -> Bool {
        let s = bytes.startIndex
        guard bytes.count >= 9, bytes[s + 2] == UInt8(ascii: ":"), bytes[s + 5] == UInt8(ascii: ":"),
              let hour = number(bytes, s, 2), let minute = number(bytes, s + 3, 2), let second = number(bytes, s + 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = s + 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.endIndex else { return false }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.endIndex - index == 6,
                  bytes[index + 3] == UInt8(ascii: ":"), let offsetHour = number(bytes, index + 1, 2),
                  let offsetMinute = number(bytes, index + 4, 2), offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 11, bytes[10] | 0x20 == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    static func isDuration(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        var index = 1
        var inTime = false
        var units: [UInt8] = []
        var sawTime = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                sawTime = true
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count else { return false }
            let unit = bytes[index]
            index += 1
            units.append(inTime ? unit | 0x80 : unit)
        }
        if sawTime && !units.contains(where: { $0 & 0x80 != 0 }) { return false }
        let order: [UInt8] = [UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "D"),
                              UInt8(ascii: "H") | 0x80, UInt8(ascii: "M") | 0x80, UInt8(ascii: "S") | 0x80]
        if units == [UInt8(ascii: "W")] { return true }
        guard !units.isEmpty else { return false }
        var positions: [Int] = []
        for unit in units {
            guard let position = order.firstIndex(of: unit) else { return false }
            positions.append(position)
        }
        guard zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }) else { return false }
        // RFC 3339 appendix A: elements are contiguous (Y M D, H M S may only drop from the ends).
        let date = positions.filter { $0 < 3 }
        let time = positions.filter { $0 >= 3 }
        if date.count > 1, date.last! - date.first! != date.count - 1 { return false }
        if time.count > 1, time.last! - time.first! != time.count - 1 { return false }
        return true
    }

    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) { if byte != UInt8(ascii: "-") { return false } }
            else if !isHex(byte) { return false }
        }
        return true
    }

    static func isJSONPointer(_ bytes: UTF8Bytes) -> Bool {
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "/") else { return false }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "~") {
                guard index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "0") || bytes[index + 1] == UInt8(ascii: "1") else { return false }
            }
            index += 1
        }
        return true
    }

    static func isRelativeJSONPointer(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        guard index > 0, !(bytes[0] == UInt8(ascii: "0") && index > 1) else { return false }
        if index == bytes.count { return true }
        if bytes[index] == UInt8(ascii: "#") { return index + 1 == bytes.count }
        return isJSONPointer(bytes[index...])
    }
}
