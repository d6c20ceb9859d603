import JSONSchema
import Runbook
import Testing

/// Bytes that are not valid YAML text: invalid UTF-8, control characters, random binary.
@Suite struct YAMLInputTests {
    static let cases: [(bytes: [UInt8], expected: String)] = [
        (Array("a: 1\nb: ".utf8) + [0x00] + Array("x\n".utf8), "error: line 2, column 4: invalid text: control characters are not allowed (character U+0000)"),
        (Array("a: ".utf8) + [0xFF], "error: line 1, column 4: invalid text: invalid leading UTF-8 octet (byte 0xFF)"),
        (Array("a: caf".utf8) + [0xC3, 0x28], "error: line 1, column 8: invalid text: invalid trailing UTF-8 octet (byte 0x28)"),
        (Array("a: ".utf8) + [0xC3], "error: line 1, column 4: invalid text: incomplete UTF-8 octet sequence"),
        (Array("a: ".utf8) + [0xC0, 0x80], "error: line 1, column 4: invalid text: invalid length of a UTF-8 sequence"),
        (Array("a: ".utf8) + [0xED, 0xA0, 0x80], "error: line 1, column 4: invalid text: invalid Unicode character (character U+D800)"),
        (Array("é: ".utf8) + [0x07], "error: line 1, column 4: invalid text: control characters are not allowed (character U+0007)"),
        ([0xFF, 0xFE, 0x61, 0x00], "error: line 1, column 1: invalid text: invalid leading UTF-8 octet (byte 0xFF)"),
        ([0xEF, 0xBB, 0xBF] + Array("a: 1".utf8), "{a: 1}"),
    ]

    @Test(arguments: cases)
    func rejects(bytes: [UInt8], expected: String) {
        #expect(outcome(bytes: bytes) == expected)
    }

    /// Deterministic pseudo-random binary (SplitMix64), with NUL bytes.
    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }

    @Test func randomBinary() {
        let bytes = Self.randomBytes(count: 4096, seed: 42)
        #expect(bytes.contains(0))
        #expect(outcome(bytes: bytes) == "error: line 1, column 1: invalid text: invalid leading UTF-8 octet (byte 0x95)")
    }

    @Test func randomASCIIWithControlCharacters() {
        let bytes = Self.randomBytes(count: 4096, seed: 7).map { $0 & 0x7F }
        #expect(bytes.contains(0))
        #expect(outcome(bytes: bytes) == "error: line 1, column 2: invalid text: control characters are not allowed (character U+001C)")
    }
}
