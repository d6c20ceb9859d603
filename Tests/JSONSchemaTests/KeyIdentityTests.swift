import JSONSchema
import Testing

/// Object keys are the same only when their code points are: NFC "é" and NFD "e\u{301}" are two
/// keys, at every object size (below and above the size where the parser switches to a hash table).
struct KeyIdentityTests {
    static let sizes = [0, 5, 11, 12, 40, 100]

    /// `filler` distinct ASCII keys, then "é" (NFC), then "e\u{301}" (NFD).
    static func document(filler: Int) -> String {
        let keys = (0..<filler).map { "\"k\($0)\": \($0)" } + ["\"\u{E9}\": 1", "\"e\u{301}\": 2"]
        return "{" + keys.joined(separator: ", ") + "}"
    }

    @Test(arguments: sizes)
    func canonicallyEquivalentKeysAreDistinct(filler: Int) throws {
        let node = try JSONParser.parse(Self.document(filler: filler))
        let object = try #require(node.value.objectValue)
        #expect(object.count == filler + 2)
        #expect(object["\u{E9}"]?.value.doubleValue == 1)
        #expect(object["e\u{301}"]?.value.doubleValue == 2)
    }

    @Test(arguments: sizes)
    func identicalKeysAreStillDuplicates(filler: Int) {
        let keys = (0..<filler).map { "\"k\($0)\": \($0)" } + ["\"e\u{301}\": 1", "\"e\u{301}\": 2"]
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{" + keys.joined(separator: ", ") + "}") }
    }

    @Test func exactKeyHashesByCodePoints() {
        var seen: Set<ExactKey> = [ExactKey("\u{E9}")]
        #expect(seen.insert(ExactKey("e\u{301}")).inserted)
        #expect(!seen.insert(ExactKey("\u{E9}")).inserted)
        #expect(ExactKey("\u{E9}") != ExactKey("e\u{301}"))
    }
}
