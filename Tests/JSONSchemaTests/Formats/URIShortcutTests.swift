@testable import JSONSchema
import Testing

/// The one-pass URI shortcut must give the general grammar's answer wherever it answers at all.
struct URIShortcutTests {
    /// A deterministic generator (SplitMix64), so that a failure names a reproducible case.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pieces = [
        "http", "a+b-c.d", "1x", "://", ":/", ":", "//", "/", "?", "#", "@", "[", "]", "[::1]", ":80", ":8x",
        "example.com", "a-b_c~d", "!$&'()*+,;=", "%41", "%4", "%zz", "%", "é", " ", "\\", "|", "^", "x", "0",
    ]

    @Test func shortcutAgreesWithTheGeneralGrammar() {
        var generator = Generator(state: 7)
        var answered = 0
        for _ in 0..<30_000 {
            var text = ["http://", "https://", "a:", "ftp://u@"][generator.next(4)]
            for _ in 0..<generator.next(8) { text += Self.pieces[generator.next(Self.pieces.count)] }
            var copy = text
            copy.withUTF8 { bytes in
                for international in [false, true] {
                    let grammar = URIGrammar(bytes, international: international)
                    guard let shortcut = grammar.commonURI else { continue }
                    answered += 1
                    #expect(shortcut == grammar.isURIByGeneralGrammar, "\(text) international: \(international)")
                }
            }
        }
        #expect(answered > 10_000)
    }
}
