extension RegexMatcher {
    /// The scalar starting at byte `position` and its length in bytes (input is valid UTF-8).
    @inline(__always)
    func decode(at position: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(input[position])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(input[position + 1]) & 0x3F, 2)
        }
        if lead < 0xF0 {
            let scalar = (lead & 0x0F) << 12 | (UInt32(input[position + 1]) & 0x3F) << 6
                | UInt32(input[position + 2]) & 0x3F
            return (scalar, 3)
        }
        let scalar = (lead & 0x07) << 18 | (UInt32(input[position + 1]) & 0x3F) << 12
            | (UInt32(input[position + 2]) & 0x3F) << 6 | UInt32(input[position + 3]) & 0x3F
        return (scalar, 4)
    }

    /// The boundary after the scalar at `position`.
    @inline(__always)
    func nextBoundary(after position: Int) -> Int {
        var next = position + 1
        while next < input.count, input[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// The boundary before the scalar that ends at `position`.
    @inline(__always)
    func previousBoundary(before position: Int) -> Int {
        var previous = position - 1
        while previous > 0, input[previous] & 0xC0 == 0x80 { previous -= 1 }
        return previous
    }

    /// The position after consuming one scalar at `position` that passes `test`, or -1.
    @inline(__always)
    func stepForward(_ test: CharacterTest, from position: Int) -> Int {
        guard position < input.count else { return -1 }
        let byte = input[position]
        if byte < 0x80 { return test.matchesASCII(byte) ? position + 1 : -1 }
        guard test.allowsNonASCII else { return -1 }
        let (scalar, length) = decode(at: position)
        return sets[Int(test.set)].containsSlowly(scalar) ? position + length : -1
    }

    /// The position after consuming, backwards, one scalar ending at `position` that passes `test`, or -1.
    @inline(__always)
    func stepBackward(_ test: CharacterTest, from position: Int) -> Int {
        guard position > 0 else { return -1 }
        let byte = input[position - 1]
        if byte < 0x80 { return test.matchesASCII(byte) ? position - 1 : -1 }
        guard test.allowsNonASCII else { return -1 }
        let start = previousBoundary(before: position)
        return sets[Int(test.set)].containsSlowly(decode(at: start).scalar) ? start : -1
    }

    /// One step in either direction.
    @inline(__always)
    func step(_ test: CharacterTest, from position: Int, backward: Bool) -> Int {
        backward ? stepBackward(test, from: position) : stepForward(test, from: position)
    }

    /// Whether the byte is an ASCII word character `[A-Za-z0-9_]`.
    @inline(__always)
    func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    /// Whether the `length` bytes at `a` equal those at `b`.
    @inline(__always)
    func bytesEqual(_ a: Int, _ b: Int, length: Int) -> Bool {
        var offset = 0
        while offset < length {
            if input[a + offset] != input[b + offset] { return false }
            offset += 1
        }
        return true
    }
}
