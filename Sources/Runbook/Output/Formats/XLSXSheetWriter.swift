import Foundation

/// Streams the rows of one worksheet into the XLSX archive (inline strings, no shared-strings
/// table, so memory stays flat whatever the number of rows).
public final class XLSXSheetWriter {
    /// The most rows an Excel sheet holds.
    public static let maximumRows = 1_048_576
    private let zip: ZipStreamWriter
    private let file: String
    /// The sheet's name.
    public let name: String
    /// Rows written so far (the header included).
    public private(set) var rowCount = 0

    init(zip: ZipStreamWriter, name: String, file: String) {
        self.zip = zip
        self.name = name
        self.file = file
    }

    /// Writes a bold header row.
    public func write(header: [String]) throws {
        try write(cells: header.map(TableCell.text), style: 2)
    }

    /// Writes one row.
    public func write(row: [TableCell]) throws {
        try write(cells: row, style: 0)
    }

    /// Writes every row of a sequence.
    public func write(rows: some Sequence<[TableCell]>) throws {
        for row in rows { try write(cells: row, style: 0) }
    }

    private static let rowOpen = Array("<row>".utf8)
    private static let rowClose = Array("</row>".utf8)
    private static let textOpen = Array(#"<c t="inlineStr"><is><t>"#.utf8)
    private static let textOpenPreserve = Array(#"<c t="inlineStr"><is><t xml:space="preserve">"#.utf8)
    private static let headerOpen = Array(#"<c t="inlineStr" s="2"><is><t xml:space="preserve">"#.utf8)
    private static let textClose = Array("</t></is></c>".utf8)
    private static let numberOpen = Array("<c><v>".utf8)
    private static let dateOpen = Array(#"<c s="1"><v>"#.utf8)
    private static let boolOpen = Array(#"<c t="b"><v>"#.utf8)
    private static let valueClose = Array("</v></c>".utf8)
    private static let emptyCell = Array("<c/>".utf8)

    private func write(cells: [TableCell], style: Int) throws {
        guard rowCount < Self.maximumRows else {
            throw HelpfulError(
                code: .outputTooManyRows,
                problem: "Sheet '\(name)' of \(file) would have more than \(Self.maximumRows) rows",
                solution: "Split the data over several sheets or write a CSV file instead")
        }
        rowCount += 1
        zip.pending.append(contentsOf: Self.rowOpen)
        for cell in cells {
            switch cell {
            case .text(let text):
                appendText(text, header: style == 2)
            case .integer(let value):
                zip.pending.append(contentsOf: Self.numberOpen)
                ByteFormat.appendInteger(value, to: &zip.pending)
                zip.pending.append(contentsOf: Self.valueClose)
            case .double(let value):
                guard value.isFinite else { appendText(value.description, header: false); continue }
                zip.pending.append(contentsOf: Self.numberOpen)
                ByteFormat.appendDouble(value, to: &zip.pending)
                zip.pending.append(contentsOf: Self.valueClose)
            case .decimal(let number):
                guard number.isNumber else { appendText(number.text, header: false); continue }
                zip.pending.append(contentsOf: Self.numberOpen)
                zip.pending.append(contentsOf: number.text.utf8)
                zip.pending.append(contentsOf: Self.valueClose)
            case .bool(let value):
                zip.pending.append(contentsOf: Self.boolOpen)
                zip.pending.append(value ? 49 : 48)
                zip.pending.append(contentsOf: Self.valueClose)
            case .date(let date):
                zip.pending.append(contentsOf: Self.dateOpen)
                ByteFormat.appendDouble(date.timeIntervalSince1970 / 86_400 + 25_569, to: &zip.pending)
                zip.pending.append(contentsOf: Self.valueClose)
            case .empty:
                zip.pending.append(contentsOf: Self.emptyCell)
            }
        }
        zip.pending.append(contentsOf: Self.rowClose)
        try zip.drainIfNeeded()
    }

    private func appendText(_ text: String, header: Bool) {
        var text = text
        text.withUTF8 { bytes in
            let preserve = header || bytes.first == 32 || bytes.last == 32 || bytes.first == 9 || bytes.contains(10)
            zip.pending.append(contentsOf: header ? Self.headerOpen : preserve ? Self.textOpenPreserve : Self.textOpen)
            XMLText.appendEscaped(bytes, to: &zip.pending)
            zip.pending.append(contentsOf: Self.textClose)
        }
    }
}

/// XML escaping into bytes.
enum XMLText {
    /// Appends UTF-8 text escaped for XML element content or attributes; control characters
    /// that XML 1.0 forbids are dropped.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var clean = true
        for byte in bytes where byte == 38 || byte == 60 || byte == 62 || byte == 34 || (byte < 32 && byte != 9 && byte != 10 && byte != 13) {
            clean = false
            break
        }
        if clean {
            buffer.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case 38: buffer.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
            case 60: buffer.append(contentsOf: [38, 108, 116, 59])  // &lt;
            case 62: buffer.append(contentsOf: [38, 103, 116, 59])  // &gt;
            case 34: buffer.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
            case 9, 10, 13: buffer.append(byte)
            case 0..<32: continue
            default: buffer.append(byte)
            }
        }
    }

    static func escaped(_ text: String) -> String {
        var text = text
        var buffer: [UInt8] = []
        text.withUTF8 { appendEscaped($0, to: &buffer) }
        return String(decoding: buffer, as: UTF8.self).replacingOccurrences(of: "'", with: "&apos;")
    }
}
