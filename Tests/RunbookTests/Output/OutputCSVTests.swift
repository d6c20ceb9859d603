import Foundation
import Runbook
import Testing

struct OutputCSVTests {
    static let cells: [(TableCell, String)] = [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1", "'+1"),
        ("-5", "'-5"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("=1,2", "\"'=1,2\""),
        (.integer(-5), "-5"),
        (.integer(0), "0"),
        (.integer(Int64.min), "-9223372036854775808"),
        (.double(-2.5), "-2.5"),
        (.double(3), "3"),
        (.double(0.1), "0.1"),
        (.double(.nan), "nan"),
        (.bool(true), "true"),
        (.date(Date(timeIntervalSince1970: 1_737_815_445.9)), "2025-01-25T14:30:45Z"),
        (.empty, ""),
        ("Müller 🚀", "Müller 🚀"),
        // Decimal cells: the exact text, a number (so never neutralised like the text "-5").
        (.decimal(try! DecimalNumber(validating: "12967.20")), "12967.20"),
        (.decimal(try! DecimalNumber(validating: "-0.05")), "-0.05"),
        (TableCell(decimal: Decimal(string: "12967.2")!), "12967.2"),
        (TableCell(decimal: Decimal(string: "4000.10")! + Decimal(string: "8967.10")!), "12967.2"),
        (.decimal(DecimalNumber(Decimal(string: "12967.199")!, scale: 2)), "12967.20"),
        (.decimal(DecimalNumber(Decimal(string: "-0.005")!, scale: 2)), "-0.01"),
        (.decimal(DecimalNumber(Decimal(5), scale: 2)), "5.00"),
        (TableCell(decimal: .nan), "NaN"),
    ]

    @Test(arguments: ["0", "-0.50", "007", "12967.20", "123456789012345678901234567890.123456789"])
    func decimalTextIsKeptExactly(text: String) throws {
        #expect(try DecimalNumber(validating: text).text == text)
    }

    @Test(arguments: ["", "-", "1.", ".5", "1e5", "+1", "1,000", "12.3.4", " 1", "1 ", "１２", "NaN", "0x10"])
    func decimalTextIsValidated(text: String) {
        #expect(throws: HelpfulError(
            code: .outputInvalidDecimal,
            problem: "'\(text)' is not a decimal number",
            solution: "Give digits with an optional leading '-' and an optional '.' followed by digits "
                + "(no exponent, no '+', no thousands separators)",
            example: "try DecimalNumber(validating: \"-12967.20\")")) {
            try DecimalNumber(validating: text)
        }
    }

    @Test(arguments: cells)
    func cellText(cell: TableCell, expected: String) throws {
        let project = TemporaryProject()
        try project.store.saveCSV(header: nil, rows: [[cell, "end"]], to: .output, name: "c.csv")
        #expect(try project.text("output/c.csv") == expected + ",end\r\n")
    }

    @Test func consecutiveDatesAcrossDays() throws {
        let project = TemporaryProject()
        let start = Date(timeIntervalSince1970: 1_737_849_599)  // 2025-01-25T23:59:59Z
        let rows: [[TableCell]] = [[.date(start)], [.date(start.addingTimeInterval(-3600))], [.date(start.addingTimeInterval(1))],
                                   [.date(Date(timeIntervalSince1970: -1))]]
        try project.store.saveCSV(header: nil, rows: rows, to: .output, name: "d.csv")
        #expect(try project.text("output/d.csv")
            == "2025-01-25T23:59:59Z\r\n2025-01-25T22:59:59Z\r\n2025-01-26T00:00:00Z\r\n1969-12-31T23:59:59Z\r\n")
    }

    @Test func tsvFollowsExtensionAndRoundTrips() throws {
        let project = TemporaryProject()
        let rows: [[TableCell]] = [["a\tb", "c"], [.integer(1), "x,y"]]
        try project.store.saveCSV(header: ["h1", "h2"], rows: rows, to: .output, name: "t.tsv")
        #expect(try project.text("output/t.tsv") == "h1\th2\r\n\"a\tb\"\tc\r\n1\tx,y\r\n")
        #expect(try project.store.loadCSV(from: .output, name: "t.tsv") == [["h1", "h2"], ["a\tb", "c"], ["1", "x,y"]])
    }

    @Test func readsQuotedFieldsBOMAndMixedLineEnds() throws {
        let project = TemporaryProject()
        try project.store.saveText("\u{FEFF}id,note\n1,\"multi\r\nline, \"\"quoted\"\"\"\r\n2,\n3,last", to: .data, name: "in.csv")
        #expect(try project.store.loadCSV(from: .data, name: "in.csv")
            == [["id", "note"], ["1", "multi\r\nline, \"quoted\""], ["2", ""], ["3", "last"]])
    }

    @Test func unterminatedQuoteNamesTheLine() throws {
        let project = TemporaryProject()
        try project.store.saveText("a,b\n1,\"open\n2,3\n", to: .data, name: "bad.csv")
        let url = project.root.appendingPathComponent("data/bad.csv")
        #expect(throws: HelpfulError(code: .outputInvalidContent,
                                     problem: "Invalid CSV in bad.csv: a quoted field is never closed",
                                     solution: "Fix the file, or regenerate it", location: .file(url.path, line: 2))) {
            try project.store.loadCSV(from: .data, name: "bad.csv")
        }
    }

    @Test func streamsLargeFilesInChunks() throws {
        let project = TemporaryProject()
        let url = try project.store.writeCSV(to: .output, name: "big.csv", lineEnding: "\n") { csv in
            for index in 0..<50_000 { try csv.write(row: [.integer(Int64(index)), .text("row \(index)")]) }
            #expect(csv.rowCount == 50_000)
        }
        let rows = try project.store.loadCSV(from: .output, name: "big.csv")
        #expect(rows.count == 50_000)
        #expect(rows.last == ["49999", "row 49999"])
        #expect(url.lastPathComponent == "big.csv")
    }
}

/// Doubles are written with their shortest round-tripping digits, as `description` gives them.
struct OutputCSVDoubleTests {
    static let values: [Double] = {
        var generator = SplitMix(seed: 7)
        var values: [Double] = [0.5, -0.25, 0.1, 0.2, 0.3, 1.0001, 123_456.78, -999_999_999.9999, 0.0001, 1e-5,
                                1234.5678, 3.14159, 1e9 + 0.5, 2.5e-3, 1.0 / 3.0, 100.1, 0.07]
        for _ in 0..<2000 {
            let whole = Double(generator.next() % 2_000_000) - 1_000_000
            let cents = Double(generator.next() % 10_000) / 10_000
            values.append(whole + cents)
            values.append(Double(bitPattern: generator.next() >> 2))
        }
        return values
    }()

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func matchesDescription() throws {
        let project = TemporaryProject()
        try project.store.saveCSV(header: nil, rows: Self.values.map { [.double($0)] }, to: .output, name: "d.csv")
        let written = try project.text("output/d.csv").split(separator: "\r\n").map(String.init)
        let expected = Self.values.map { value -> String in
            let text = value.description
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        #expect(written.count == expected.count)
        let mismatches = zip(written, expected).filter { $0 != $1 }.prefix(5).map { "\($0) vs \($1)" }
        #expect(mismatches.isEmpty)
    }
}
