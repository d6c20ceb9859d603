/// String literals: an escape-free fast path, escapes, surrogate pairs and UTF-8 validation.
extension JSONByteReader {
    /// Reads a string whose opening quote is at `position`.
    mutating func readString(start: SourceLocation) throws(JSONSyntaxError) -> String {
        position += 1
        let contentStart = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[contentStart..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(contentStart: contentStart, start: start) }
            if byte < 0x20 { throw controlCharacter(byte) }
            if byte >= 0x80 { try validateUTF8Sequence() } else { position += 1 }
        }
        throw error("unterminated string", start)
    }

    private mutating func controlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        let hex = String(byte, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: 4 - hex.count) + hex
        return error("unescaped control character U+\(code) in string", currentLocation())
    }

    private mutating func readEscapedString(contentStart: Int, start: SourceLocation) throws(JSONSyntaxError) -> String {
        var bytes = Array(UnsafeBufferPointer(rebasing: buffer[contentStart..<position]))
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if byte < 0x20 { throw controlCharacter(byte) }
            if byte >= 0x80 {
                let begin = position
                try validateUTF8Sequence()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[begin..<position]))
                continue
            }
            if byte != UInt8(ascii: "\\") {
                bytes.append(byte)
                position += 1
                continue
            }
            let escapeLocation = currentLocation()
            guard position + 1 < buffer.count else { throw error("unterminated string", start) }
            let code = buffer[position + 1]
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(code)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                position += 2
                let scalar = try readUnicodeEscape(escapeLocation: escapeLocation)
                bytes.append(contentsOf: String(Character(scalar)).utf8)
                continue
            default:
                position += 1
                throw error("invalid escape '\\\(describeCurrentWord().dropFirst().dropLast())' in string", escapeLocation)
            }
            position += 2
        }
        throw error("unterminated string", start)
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate escape when needed).
    private mutating func readUnicodeEscape(escapeLocation: SourceLocation) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try readHex4(escapeLocation: escapeLocation)
        let hexText = String(high, radix: 16, uppercase: true)
        if high >= 0xDC00 && high <= 0xDFFF {
            throw error("unpaired surrogate '\\u\(hexText)' in string", escapeLocation)
        }
        if high >= 0xD800 && high <= 0xDBFF {
            guard position + 1 < buffer.count, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate '\\u\(hexText)' in string", escapeLocation)
            }
            position += 2
            let low = try readHex4(escapeLocation: escapeLocation)
            guard low >= 0xDC00 && low <= 0xDFFF else {
                throw error("unpaired surrogate '\\u\(hexText)' in string", escapeLocation)
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        return Unicode.Scalar(high)!
    }

    private mutating func readHex4(escapeLocation: SourceLocation) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < buffer.count else { throw error("invalid \\u escape: expected 4 hex digits", escapeLocation) }
            let byte = buffer[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected 4 hex digits", escapeLocation)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Checks the multi-byte UTF-8 sequence at `position` (RFC 3629: no overlongs, no surrogates)
    /// and moves past it.
    mutating func validateUTF8Sequence() throws(JSONSyntaxError) {
        let lead = buffer[position]
        var length = 0
        var minimum: UInt32 = 0
        var scalar: UInt32 = 0
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: throw invalidUTF8(at: position)
        }
        guard position + length <= buffer.count else { throw invalidUTF8(at: position) }
        for offset in 1..<length {
            let next = buffer[position + offset]
            guard next & 0xC0 == 0x80 else { throw invalidUTF8(at: position + offset) }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw invalidUTF8(at: position)
        }
        position += length
    }

    private mutating func invalidUTF8(at offset: Int) -> JSONSyntaxError {
        let byte = buffer[offset]
        position = offset
        return error("invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))", currentLocation())
    }
}
