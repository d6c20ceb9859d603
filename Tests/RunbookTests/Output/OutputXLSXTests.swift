import Foundation
import Runbook
import Testing
import ZIPFoundation

struct OutputXLSXTests {
    func entries(_ url: URL) throws -> [String: String] {
        let archive = try Archive(url: url, accessMode: .read)
        var result: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return result
    }

    @Test func writesSeveralNamedSheetsReadableByZIPFoundation() throws {
        let project = TemporaryProject()
        let date = Date(timeIntervalSince1970: 1_737_815_445)
        let url = try project.store.saveXLSX(sheets: [
            XLSXSheet(name: "Summary", header: ["created", "note"], rows: [[5, "a & <b>"], [.double(1.5), .empty, true]]),
            XLSXSheet(name: "Dates 2025", rows: [[.date(date), " padded "]]),
        ], to: .output, name: "report.xlsx", timestamped: true)
        #expect(url.lastPathComponent == "report_2025-01-25T143045Z.xlsx")
        let files = try entries(url)
        #expect(files.keys.sorted() == [
            "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
        let prefix = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        #expect(files["xl/worksheets/sheet1.xml"] == prefix
            + #"<row><c t="inlineStr" s="2"><is><t xml:space="preserve">created</t></is></c><c t="inlineStr" s="2"><is><t xml:space="preserve">note</t></is></c></row>"#
            + #"<row><c><v>5</v></c><c t="inlineStr"><is><t>a &amp; &lt;b&gt;</t></is></c></row>"#
            + #"<row><c><v>1.5</v></c><c/><c t="b"><v>1</v></c></row></sheetData></worksheet>"#)
        #expect(files["xl/worksheets/sheet2.xml"] == prefix
            + #"<row><c s="1"><v>45682.6046875</v></c><c t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c></row>"#
            + "</sheetData></worksheet>")
        #expect(files["xl/workbook.xml"]?.contains(
            #"<sheets><sheet name="Summary" sheetId="1" r:id="rId1"/><sheet name="Dates 2025" sheetId="2" r:id="rId2"/></sheets>"#) == true)
    }

    @Test func decimalCellsAreNumberCellsWithTheExactText() throws {
        let project = TemporaryProject()
        let total = try DecimalNumber(validating: "12967.20")
        let url = try project.store.saveXLSX(sheets: [
            XLSXSheet(name: "Money", header: ["total"], rows: [
                [.decimal(total)],
                [.decimal(DecimalNumber(Decimal(string: "4000.10")! + Decimal(string: "8967.10")!, scale: 2))],
                [.decimal(try DecimalNumber(validating: "-0.05"))],
                [TableCell(decimal: .nan)],
            ]),
        ], to: .output, name: "money.xlsx")
        let sheet = try #require(try entries(url)["xl/worksheets/sheet1.xml"])
        #expect(sheet.hasSuffix(
            #"<row><c><v>12967.20</v></c></row><row><c><v>12967.20</v></c></row><row><c><v>-0.05</v></c></row>"#
            + #"<row><c t="inlineStr"><is><t>NaN</t></is></c></row></sheetData></worksheet>"#))
    }

    @Test func streamsManyRowsThroughTheWriter() throws {
        let project = TemporaryProject()
        let url = try project.store.writeXLSX(to: .output, name: "big.xlsx") { workbook in
            try workbook.addSheet("Rows") { sheet in
                for index in 0..<20_000 { try sheet.write(row: [.integer(Int64(index)), .text("row \(index)")]) }
                #expect(sheet.rowCount == 20_000)
            }
        }
        let sheet = try #require(try entries(url)["xl/worksheets/sheet1.xml"])
        #expect(sheet.hasSuffix(#"<row><c><v>19999</v></c><c t="inlineStr"><is><t>row 19999</t></is></c></row></sheetData></worksheet>"#))
    }

    static let badNames: [(String, String)] = [
        ("", "is empty"),
        (String(repeating: "x", count: 32), "is too long (32 characters, at most 31)"),
        ("a/b", "contains characters Excel does not allow: /"),
        ("Q1: [draft]*", "contains characters Excel does not allow: * : [ ]"),
        ("'quoted'", "starts or ends with an apostrophe"),
        ("summary", "is used twice (Excel compares sheet names without case)"),
    ]

    @Test(arguments: badNames)
    func sheetNamesAreChecked(name: String, why: String) {
        let project = TemporaryProject()
        #expect(throws: HelpfulError(
            code: .outputSheetName,
            problem: "Excel sheet name '\(name)' for r.xlsx \(why)",
            solution: "Use a unique name of 1 to 31 characters without / \\ ? * [ ] : and not starting or ending with '",
            example: "Summary, Details 2025-01, Failed rows")) {
            try project.store.saveXLSX(sheets: [XLSXSheet(name: "Summary", rows: []), XLSXSheet(name: name, rows: [])],
                                       to: .output, name: "r.xlsx")
        }
        #expect(project.files(in: "output") == [])
    }

    @Test func thirtyOneCharactersIsAllowed() throws {
        let project = TemporaryProject()
        try project.store.saveXLSX(sheets: [XLSXSheet(name: String(repeating: "y", count: 31), rows: [[1]])],
                                   to: .output, name: "ok.xlsx")
        #expect(project.files(in: "output") == ["ok.xlsx"])
    }
}
