import Foundation
import JSONSchema
import Runbook
import Testing

/// Deep nesting is refused with a location, never a stack overflow.
@Suite struct YAMLDepthTests {
    @Test func tenThousandFlowSequences() {
        let yaml = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(outcome(yaml) == "error: line 1, column 257: nesting is deeper than the limit of 256 levels")
    }

    @Test func tenThousandFlowMappings() {
        let yaml = String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        #expect(outcome(yaml) == "error: line 1, column 1025: nesting is deeper than the limit of 256 levels")
    }

    /// Block nesting needs one more space per level: 10,000 levels are 50 MB of text, laid out with
    /// memset so that building it stays fast in debug builds.
    @Test func tenThousandBlockMappings() {
        let levels = 10_000
        let total = levels * (levels - 1) / 2 + 3 * levels
        var bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            memset(buffer.baseAddress!, 0x20, total)
            count = total
        }
        var offset = 0
        for level in 0..<levels {
            offset += level
            bytes[offset] = UInt8(ascii: "a")
            bytes[offset + 1] = UInt8(ascii: ":")
            bytes[offset + 2] = UInt8(ascii: "\n")
            offset += 3
        }
        #expect(outcome(bytes: bytes) == "error: line 257, column 257: nesting is deeper than the limit of 256 levels")
    }

    @Test func tenThousandBlockSequences() {
        let yaml = String(repeating: "- ", count: 10_000) + "x"
        #expect(outcome(yaml) == "error: line 1, column 513: nesting is deeper than the limit of 256 levels")
    }

    @Test func exactlyAtTheLimit() {
        let yaml = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(outcome(yaml).hasPrefix("[[[["))
        let deeper = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(outcome(deeper) == "error: line 1, column 257: nesting is deeper than the limit of 256 levels")
    }

    @Test func limitIsConfigurable() {
        #expect(outcome("a: {b: {c: 1}}", limits: limits(maxDepth: 3)) == "{a: {b: {c: 1}}}")
        #expect(outcome("a: {b: {c: 1}}", limits: limits(maxDepth: 2)) == "error: line 1, column 8: nesting is deeper than the limit of 2 levels")
        #expect(outcome("1", limits: limits(maxDepth: 0)) == "1")
        #expect(outcome("[1]", limits: limits(maxDepth: 0)) == "error: line 1, column 1: nesting is deeper than the limit of 0 levels")
    }
}

/// Merge keys flatten the merged maps into the mapping: depth is the document's nesting, not the
/// length of a merge chain, while real nesting and alias bombs are still refused.
@Suite struct YAMLMergeDepthTests {
    /// `l0: &l0 {k0: 0}`, then `lN: &lN {<<: *lN-1, kN: N}`.
    static func chain(_ links: Int, block: Bool = false) -> String {
        var lines = ["l0: &l0 {k0: 0}"]
        for link in 1..<links {
            lines.append(block
                ? "l\(link): &l\(link)\n  <<: *l\(link - 1)\n  k\(link): \(link)"
                : "l\(link): &l\(link) {<<: *l\(link - 1), k\(link): \(link)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [false, true])
    func aThousandMergesLoad(block: Bool) throws {
        let node = try YAMLReader().read(Self.chain(1_000, block: block))
        let last = try #require(node.value.objectValue?["l999"]?.value.objectValue)
        #expect(last.count == 1_000)
        #expect(last["k0"]?.value.doubleValue == 0)
        #expect(last["k999"]?.value.doubleValue == 999)
    }

    @Test func mergeOfASequenceOfMapsAddsNoLevel() throws {
        var lines = ["l0: &l0 {k0: 0}"]
        for link in 1..<400 { lines.append("l\(link): &l\(link) {<<: [*l\(link - 1)], k\(link): \(link)}") }
        let node = try YAMLReader().read(lines.joined(separator: "\n"))
        #expect(node.value.objectValue?["l399"]?.value.objectValue?.count == 400)
    }

    @Test func realNestingOfThreeHundredIsRefused() {
        let yaml = String(repeating: "{a: ", count: 300) + "1" + String(repeating: "}", count: 300)
        #expect(outcome(yaml).hasSuffix("nesting is deeper than the limit of 256 levels"))
    }

    @Test func nestingThroughMergedMapsStillCounts() {
        // Each link nests the previous one (a value, not a merge): 300 levels.
        var lines = ["l0: &l0 {k: 0}"]
        for link in 1..<300 { lines.append("l\(link): &l\(link) {<<: *l0, v: *l\(link - 1)}") }
        #expect(outcome(lines.joined(separator: "\n")).contains("nests the document deeper than the limit of 256 levels"))
    }

    @Test func mergeBombIsRefused() {
        var lines = ["a0: &a0 {x: 1, y: 2, z: 3}"]
        for level in 1..<12 {
            lines.append("a\(level): &a\(level) {<<: *a\(level - 1), p: *a\(level - 1), q: *a\(level - 1), r: *a\(level - 1)}")
        }
        #expect(outcome(lines.joined(separator: "\n")).contains("an alias bomb?"))
    }
}
