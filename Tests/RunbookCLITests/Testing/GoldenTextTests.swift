import RunbookTesting
import Testing

/// `GoldenText`: exact comparison with a line diff.
@Suite struct GoldenTextTests {
    @Test func equalTextsHaveNoDifferenceWhateverTheirLineEndings() {
        #expect(GoldenText.difference(expected: "a\nb\n", actual: "a\nb\n") == nil)
        #expect(GoldenText.difference(expected: "a\nb\n", actual: "a\r\nb\r\n") == nil)
    }

    @Test func aDifferenceShowsExpectedLinesWithMinusActualLinesWithPlusAndCommonLinesWithASpace() {
        let diff = GoldenText.difference(expected: "one\ntwo\nthree\n", actual: "one\n2\nthree\nfour\n")
        #expect(diff == """
             one
            -two
            +2
             three
            +four
             \n
            """)
    }

    @Test func checkThrowsAMismatchNamingTheTextWithItsDiff() throws {
        try GoldenText.check("same\n", equals: "same\n", what: "stdout")
        let mismatch = #expect(throws: GoldenTextMismatch.self) {
            try GoldenText.check("got\n", equals: "wanted\n", what: "stdout of runbook list")
        }
        #expect(mismatch?.description == """
            stdout of runbook list does not match the expected text (-expected +actual):
            -wanted
            +got
             \n
            """)
    }
}
