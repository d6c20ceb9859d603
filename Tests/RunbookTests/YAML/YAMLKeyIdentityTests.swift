import JSONSchema
import Runbook
import Testing

/// YAML mapping keys are the same only when their code points are, at every mapping size (below and
/// above the size where the reader switches to a hash table) and across merge keys.
@Suite struct YAMLKeyIdentityTests {
    @Test(arguments: [0, 5, 31, 32, 40, 100])
    func canonicallyEquivalentKeysAreDistinct(filler: Int) {
        let lines = (0..<filler).map { "k\($0): \($0)" } + ["\u{E9}: 1", "e\u{301}: 2"]
        let rendered = outcome(lines.joined(separator: "\n") + "\n")
        #expect(rendered.hasSuffix("\u{E9}: 1, e\u{301}: 2}"), "\(rendered.suffix(80))")
    }

    @Test(arguments: [0, 40])
    func identicalKeysAreStillDuplicates(filler: Int) {
        let lines = (0..<filler).map { "k\($0): \($0)" } + ["e\u{301}: 1", "e\u{301}: 2"]
        #expect(outcome(lines.joined(separator: "\n")).hasPrefix("error: line \(filler + 2), column 1: duplicate key"))
    }

    @Test func mergeKeepsACanonicallyEquivalentKey() {
        let yaml = "base: &b {\u{E9}: merged}\nuse:\n  <<: *b\n  e\u{301}: explicit\n"
        #expect(outcome(yaml) == "{base: {\u{E9}: \"merged\"}, use: {\u{E9}: \"merged\", e\u{301}: \"explicit\"}}")
    }
}
