/// The parser's cursor over a UTF-8 buffer: positions, line/column bookkeeping and the iterative
/// value loop. Scalars and strings are in `JSONByteReader+Scalars.swift`.
struct JSONByteReader {
    let buffer: UnsafeBufferPointer<UInt8>
    let source: UInt32
    let maxDepth: Int
    var position = 0
    var line: UInt32 = 1
    /// The last position whose column is known, and that column (columns are computed forwards).
    var columnAnchor = 0
    var anchorColumn: UInt32 = 1

    init(buffer: UnsafeBufferPointer<UInt8>, source: UInt32, maxDepth: Int) {
        self.buffer = buffer
        self.source = source
        self.maxDepth = maxDepth
    }

    /// An open array or object while its elements are being read. Elements and members of all open
    /// containers share two scratch stacks; a closed container copies its slice out at its exact size.
    private struct Frame {
        var isObject: Bool
        var location: SourceLocation
        /// Where this container's elements/members start in the scratch stack.
        var start: Int
        var key = ""
        var keyLocation = SourceLocation.unknown
        var index: [ExactKey: Int]?
    }

    /// The location of `position` (columns count Unicode scalars).
    mutating func location(at offset: Int) -> SourceLocation {
        if offset < columnAnchor { columnAnchor = offset; anchorColumn = 1 }  // never happens in practice
        var column = anchorColumn
        var index = columnAnchor
        while index < offset {
            if buffer[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnAnchor = offset
        anchorColumn = column
        return SourceLocation(source: source, line: line, column: column)
    }

    mutating func currentLocation() -> SourceLocation { location(at: position) }

    func error(_ message: String, _ location: SourceLocation) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: location)
    }

    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A:
                position += 1
                line += 1
                columnAnchor = position
                anchorColumn = 1
            default: return
            }
        }
    }

    /// Describes the byte at `position` for an error message.
    func describeCurrent() -> String {
        guard position < buffer.count else { return "end of input" }
        let byte = buffer[position]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            position = 3
            columnAnchor = 3
        }
        skipWhitespace()
        if position >= buffer.count { throw error("empty document: expected a JSON value", currentLocation()) }
        let root = try parseValueTree()
        skipWhitespace()
        if position < buffer.count {
            throw error("unexpected \(describeCurrent()) after the JSON value", currentLocation())
        }
        return root
    }

    /// Reads one value (of any depth) without recursion.
    private mutating func parseValueTree() throws(JSONSyntaxError) -> JSONNode {
        var stack: [Frame] = []
        var elementScratch: [JSONNode] = []
        var memberScratch: [JSONObject.Member] = []
        while true {
            skipWhitespace()
            var value: JSONNode
            let start = currentLocation()
            guard position < buffer.count else { throw error("expected a JSON value, found end of input", start) }
            switch buffer[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = buffer[position] == UInt8(ascii: "{")
                if stack.count >= maxDepth {
                    throw error("nesting deeper than \(maxDepth) levels", start)
                }
                position += 1
                skipWhitespace()
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if position < buffer.count && buffer[position] == closer {
                    position += 1
                    value = JSONNode(isObject ? .object(JSONObject()) : .array([]), at: start)
                } else {
                    var frame = Frame(isObject: isObject, location: start, start: isObject ? memberScratch.count : elementScratch.count)
                    if isObject { (frame.key, frame.keyLocation) = try readKey(opener: start) }
                    stack.append(frame)
                    continue
                }
            default:
                value = try parseScalar(start: start)
            }
            // Attach the value to open containers, closing as many as end here.
            while true {
                let top = stack.count - 1
                guard top >= 0 else { return value }
                skipWhitespace()
                let next: UInt8 = position < buffer.count ? buffer[position] : 0
                if stack[top].isObject {
                    memberScratch.append(JSONObject.Member(key: stack[top].key, keyLocation: stack[top].keyLocation, value: value))
                    if next == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        let (nextKey, nextLocation) = try readKey(opener: stack[top].location)
                        try checkDuplicate(nextKey, at: nextLocation, members: memberScratch[stack[top].start...], index: &stack[top].index)
                        stack[top].key = nextKey
                        stack[top].keyLocation = nextLocation
                    } else if next == UInt8(ascii: "}") {
                        position += 1
                        let frame = stack.removeLast()
                        let members = Array(memberScratch[frame.start...])
                        memberScratch.removeSubrange(frame.start...)
                        value = JSONNode(.object(JSONObject(members)), at: frame.location)
                        continue
                    } else {
                        throw unterminated("object", opener: stack[top].location, expected: "',' or '}'")
                    }
                } else {
                    elementScratch.append(value)
                    if next == UInt8(ascii: ",") {
                        position += 1
                    } else if next == UInt8(ascii: "]") {
                        position += 1
                        let frame = stack.removeLast()
                        let elements = Array(elementScratch[frame.start...])
                        elementScratch.removeSubrange(frame.start...)
                        value = JSONNode(.array(elements), at: frame.location)
                        continue
                    } else {
                        throw unterminated("array", opener: stack[top].location, expected: "',' or ']'")
                    }
                }
                break
            }
        }
    }

    private mutating func unterminated(_ kind: String, opener: SourceLocation, expected: String) -> JSONSyntaxError {
        let here = currentLocation()
        if position >= buffer.count {
            return error("unterminated \(kind) (opened at line \(opener.line), column \(opener.column))", here)
        }
        return error("expected \(expected) in \(kind), found \(describeCurrent())", here)
    }

    /// Reads `"key"` and the following `:`.
    private mutating func readKey(opener: SourceLocation) throws(JSONSyntaxError) -> (String, SourceLocation) {
        let keyLocation = currentLocation()
        guard position < buffer.count else {
            throw error("unterminated object (opened at line \(opener.line), column \(opener.column))", keyLocation)
        }
        guard buffer[position] == UInt8(ascii: "\"") else {
            throw error("expected a string key in object, found \(describeCurrent())", keyLocation)
        }
        let key = try readString(start: keyLocation)
        skipWhitespace()
        guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else {
            throw error("expected ':' after object key, found \(describeCurrent())", currentLocation())
        }
        position += 1
        return (key, keyLocation)
    }

    private func checkDuplicate(
        _ key: String, at location: SourceLocation, members: ArraySlice<JSONObject.Member>, index: inout [ExactKey: Int]?
    ) throws(JSONSyntaxError) {
        var firstIndex: Int?
        if members.count < 12 {
            firstIndex = members.firstIndex { JSONObject.sameKey($0.key, key) }
        } else {
            if index == nil {
                var built: [ExactKey: Int] = [:]
                for offset in members.indices { built[ExactKey(members[offset].key)] = offset }
                index = built
            } else {
                index![ExactKey(members[members.endIndex - 1].key)] = members.endIndex - 1
            }
            firstIndex = index![ExactKey(key)]
        }
        if let firstIndex {
            let first = members[firstIndex].keyLocation
            throw error("duplicate key '\(key)' (first defined at line \(first.line), column \(first.column))", location)
        }
    }
}
