/// Strings, numbers and literals.
extension JSONByteReader {
    mutating func parseScalar(start: SourceLocation) throws(JSONSyntaxError) -> JSONNode {
        let byte = buffer[position]
        switch byte {
        case UInt8(ascii: "\""):
            return JSONNode(.string(try readString(start: start)), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(try readNumber(start: start), at: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true", start: start)
            return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false", start: start)
            return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null", start: start)
            return JSONNode(.null, at: start)
        default:
            if byte >= 0x80 { try validateUTF8Sequence() }
            throw error("expected a JSON value, found \(describeCurrentWord())", start)
        }
    }

    /// The bad token at `position` for a message: a word such as `NaN`, or one character.
    func describeCurrentWord() -> String {
        var end = position
        while end < buffer.count, end - position < 20 {
            let byte = buffer[end]
            let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            if !isWordByte { break }
            end += 1
        }
        if end - position > 1 {
            return "'" + String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<end]), as: UTF8.self) + "'"
        }
        if position < buffer.count, buffer[position] >= 0x80 {
            var scalarEnd = position + 1
            while scalarEnd < buffer.count, buffer[scalarEnd] & 0xC0 == 0x80 { scalarEnd += 1 }
            return "'" + String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<scalarEnd]), as: UTF8.self) + "'"
        }
        return describeCurrent()
    }

    private mutating func expectLiteral(_ word: StaticString, start: SourceLocation) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = position + count <= buffer.count && (0..<count).allSatisfy { buffer[position + $0] == word.utf8Start[$0] }
        if !matches { throw error("expected a JSON value, found \(describeCurrentWord())", start) }
        position += count
    }

    private mutating func readNumber(start: SourceLocation) throws(JSONSyntaxError) -> JSONValue {
        let begin = position
        var negative = false
        if buffer[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        func isDigit(_ index: Int) -> Bool {
            index < buffer.count && buffer[index] >= UInt8(ascii: "0") && buffer[index] <= UInt8(ascii: "9")
        }
        guard isDigit(position) else {
            throw error("invalid number: expected a digit after '-'", currentLocation())
        }
        var magnitude: UInt64 = 0
        var overflow = false
        if buffer[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { throw error("invalid number: leading zeros are not allowed", start) }
        } else {
            while isDigit(position) {
                let digit = UInt64(buffer[position] &- UInt8(ascii: "0"))
                let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(digit)
                overflow = overflow || o1 || o2
                magnitude = sum
                position += 1
            }
        }
        var isInteger = true
        if position < buffer.count && buffer[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard isDigit(position) else { throw error("invalid number: expected a digit after '.'", currentLocation()) }
            while isDigit(position) { position += 1 }
        }
        if position < buffer.count && (buffer[position] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < buffer.count && (buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard isDigit(position) else { throw error("invalid number: expected a digit in the exponent", currentLocation()) }
            while isDigit(position) { position += 1 }
        }
        if isInteger && !overflow {
            if !negative && magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
            if negative && magnitude <= UInt64(Int64.max) + 1 { return .integer(Int64(truncatingIfNeeded: 0 &- magnitude)) }
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: buffer[begin..<position]), as: UTF8.self)
        return .number(JSONNumber(literal: literal))
    }
}
