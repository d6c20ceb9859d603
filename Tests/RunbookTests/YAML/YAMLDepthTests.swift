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
