/// Streams rows into a CSV or TSV file (RFC 4180): fields holding the delimiter, a quote, CR or
/// LF are quoted with doubled quotes; lines end with CRLF by default.
///
/// Formula safety: a `.text` cell starting with `=`, `+`, `-`, `@`, a tab or a CR gets a leading
/// `'` so spreadsheets show it instead of executing it (`=SUM(A1)` → `'=SUM(A1)`, and text
/// `"-5"` → `'-5`). Numbers are never changed: `.integer(-5)` is written `-5`.
///
/// ```swift
/// try store.writeCSV(to: .output, name: "customers.csv") { csv in
///     try csv.write(header: ["id", "name"])
///     for customer in customers { try csv.write(row: [.integer(customer.id), .text(customer.name)]) }
/// }
/// ```
public final class CSVWriter {
    private let file: AtomicFileWriter
    private let delimiter: UInt8
    private let lineEnding: [UInt8]
    /// Rows written so far (the header included).
    public private(set) var rowCount = 0

    init(file: AtomicFileWriter, delimiter: UInt8, lineEnding: String) {
        self.file = file
        self.delimiter = delimiter
        self.lineEnding = Array(lineEnding.utf8)
    }

    /// Writes a header row (text fields).
    public func write(header: [String]) throws {
        try write(row: header.map(TableCell.text))
    }

    /// Writes one row.
    public func write(row: [TableCell]) throws {
        file.withBuffer { buffer in
            var first = true
            for cell in row {
                if !first { buffer.append(delimiter) }
                first = false
                append(cell, to: &buffer)
            }
            buffer.append(contentsOf: lineEnding)
        }
        rowCount += 1
        try file.flushIfNeeded()
    }

    /// Writes every row of a sequence.
    public func write(rows: some Sequence<[TableCell]>) throws {
        for row in rows { try write(row: row) }
    }

    private func append(_ cell: TableCell, to buffer: inout [UInt8]) {
        switch cell {
        case .text(let text): appendText(text, to: &buffer)
        case .integer(let value): ByteFormat.appendInteger(value, to: &buffer)
        case .double(let value):
            if value.isFinite { ByteFormat.appendDouble(value, to: &buffer) } else { appendText(value.description, to: &buffer) }
        case .bool(let value): buffer.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        case .date(let date): ByteFormat.appendISO8601(date, to: &buffer)
        case .empty: break
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    private func appendText(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let neutralise = Self.isFormulaStart(first)
            var needsQuotes = false
            for byte in bytes where byte == delimiter || byte == 34 || byte == 10 || byte == 13 {
                needsQuotes = true
                break
            }
            if !needsQuotes {
                if neutralise { buffer.append(39) }
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(34)
            if neutralise { buffer.append(39) }
            for byte in bytes {
                if byte == 34 { buffer.append(34) }
                buffer.append(byte)
            }
            buffer.append(34)
        }
    }

    /// `=`, `+`, `-`, `@`, tab, CR.
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == 61 || byte == 43 || byte == 45 || byte == 64 || byte == 9 || byte == 13
    }
}
