/// Streams a workbook of one or more named sheets into an XLSX file (SpreadsheetML written by
/// hand, deflated into a ZIP as it goes).
///
/// ```swift
/// try store.writeXLSX(to: .output, name: "report.xlsx") { workbook in
///     try workbook.addSheet("Summary", header: ["created", "failed"], rows: [[5, 0]])
///     try workbook.addSheet("Details") { sheet in
///         try sheet.write(header: ["id", "status"])
///         for item in items { try sheet.write(row: [.integer(item.id), .text(item.status)]) }
///     }
/// }
/// ```
public final class XLSXWorkbookWriter {
    private let zip: ZipStreamWriter
    private let file: String
    /// The sheet names written so far, in order.
    public private(set) var sheetNames: [String] = []

    init(zip: ZipStreamWriter, file: String) {
        self.zip = zip
        self.file = file
    }

    /// Adds a sheet whose rows `body` writes. The name is checked first (1-31 characters, none of
    /// `/ \ ? * [ ] :`, unique).
    public func addSheet(_ name: String, _ body: (XLSXSheetWriter) throws -> Void) throws {
        try SheetName.validate(name, existing: sheetNames, file: file)
        sheetNames.append(name)
        try zip.beginEntry("xl/worksheets/sheet\(sheetNames.count).xml")
        try zip.write(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#)
        try body(XLSXSheetWriter(zip: zip, name: name, file: file))
        try zip.write("</sheetData></worksheet>")
        try zip.endEntry()
    }

    /// Adds a sheet from a header and rows.
    public func addSheet(_ name: String, header: [String]? = nil, rows: some Sequence<[TableCell]>) throws {
        try addSheet(name) { sheet in
            if let header { try sheet.write(header: header) }
            try sheet.write(rows: rows)
        }
    }

    func finish() throws {
        guard !sheetNames.isEmpty else {
            throw HelpfulError(code: .outputEmptyWorkbook,
                               problem: "Workbook \(file) has no sheets",
                               solution: "Add at least one sheet before the workbook is saved",
                               example: "try workbook.addSheet(\"Data\", rows: rows)")
        }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let sheets = sheetNames.enumerated().map { index, name in
            #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        try zip.addEntry("xl/workbook.xml", text: header
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\#(relationships)">"#
            + "<sheets>\(sheets)</sheets></workbook>")
        let sheetRelations = sheetNames.indices.map { index in
            #"<Relationship Id="rId\#(index + 1)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }.joined()
        try zip.addEntry("xl/_rels/workbook.xml.rels", text: header + #"<Relationships xmlns="\#(package)">"#
            + sheetRelations
            + #"<Relationship Id="rId\#(sheetNames.count + 1)" Type="\#(relationships)/styles" Target="styles.xml"/>"#
            + "</Relationships>")
        try zip.addEntry("xl/styles.xml", text: header + Self.styles)
        try zip.addEntry("_rels/.rels", text: header + #"<Relationships xmlns="\#(package)">"#
            + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        let sheetTypes = sheetNames.indices.map { index in
            #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        try zip.addEntry("[Content_Types].xml", text: header
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + sheetTypes
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + "</Types>")
        try zip.finish()
    }

    /// Style 0 normal, 1 date-time (`yyyy-mm-dd hh:mm:ss`), 2 bold header.
    static let styles = #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
}
