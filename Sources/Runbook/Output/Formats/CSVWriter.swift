import Foundation

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
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// The last day written and its `YYYY-MM-DD` bytes (dates in a table tend to share days).
    private var cachedDay: Int64 = .min
    private var cachedDayBytes: (UInt64, UInt16) = (0, 0)
    private static let flushThreshold = 64 * 1024
    /// Rows written so far (the header included).
    public private(set) var rowCount = 0

    init(file: AtomicFileWriter, delimiter: UInt8, lineEnding: String) {
        self.file = file
        self.delimiter = delimiter
        self.lineEnding = Array(lineEnding.utf8)
        capacity = 4 * Self.flushThreshold
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Writes a header row (text fields).
    public func write(header: [String]) throws {
        try write(row: header.map(TableCell.text))
    }

    /// Writes every row of a sequence.
    public func write(rows: some Sequence<[TableCell]>) throws {
        for row in rows { try write(row: row) }
    }

    /// Writes one row.
    public func write(row: [TableCell]) throws {
        var bound = lineEnding.count + row.count
        for cell in row { bound += Self.upperBound(cell) }
        if count + bound > capacity {
            try flushStorage()
            if bound > capacity {
                storage.deallocate()
                capacity = bound
                storage = .allocate(capacity: capacity)
            }
        }
        var cursor = storage + count
        var first = true
        for cell in row {
            if !first {
                cursor.pointee = delimiter
                cursor += 1
            }
            first = false
            cursor = append(cell, at: cursor)
        }
        for byte in lineEnding {
            cursor.pointee = byte
            cursor += 1
        }
        count = cursor - storage
        rowCount += 1
        if count >= Self.flushThreshold { try flushStorage() }
    }

    /// Hands the pending bytes to the file (called before the file is committed).
    func flushStorage() throws {
        guard count > 0 else { return }
        try file.write(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    private static func upperBound(_ cell: TableCell) -> Int {
        switch cell {
        case .text(let text): 2 * text.utf8.count + 3
        case .integer, .double, .bool, .date: 48
        case .decimal(let number): 2 * number.text.utf8.count + 3
        case .empty: 0
        }
    }

    private func append(_ cell: TableCell, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        switch cell {
        case .text(let text):
            return appendText(text, at: cursor)
        case .integer(let value):
            return RawByteFormat.integer(value, at: cursor)
        case .double(let value):
            if let end = RawByteFormat.shortDecimal(value, at: cursor) { return end }
            return value.isFinite ? RawByteFormat.copy(value.description, at: cursor) : appendText(value.description, at: cursor)
        case .decimal(let number):
            return number.isNumber ? RawByteFormat.copy(number.text, at: cursor) : appendText(number.text, at: cursor)
        case .bool(let value):
            return RawByteFormat.bool(value, at: cursor)
        case .date(let date):
            return appendDate(date, at: cursor)
        case .empty:
            return cursor
        }
    }

    private func appendDate(_ date: Date, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let day = seconds.floorDivided(by: 86_400)
        guard day == cachedDay else {
            let end = RawByteFormat.iso8601(date, at: cursor)
            cachedDay = day
            withUnsafeMutableBytes(of: &cachedDayBytes) { $0.copyMemory(from: UnsafeRawBufferPointer(start: cursor, count: 10)) }
            return end
        }
        withUnsafeBytes(of: cachedDayBytes) { UnsafeMutableRawPointer(cursor).copyMemory(from: $0.baseAddress!, byteCount: 10) }
        let secondOfDay = Int(seconds - day * 86_400)
        cursor[10] = UInt8(ascii: "T")
        RawByteFormat.twoDigits(secondOfDay / 3600, at: cursor + 11)
        cursor[13] = UInt8(ascii: ":")
        RawByteFormat.twoDigits(secondOfDay / 60 % 60, at: cursor + 14)
        cursor[16] = UInt8(ascii: ":")
        RawByteFormat.twoDigits(secondOfDay % 60, at: cursor + 17)
        cursor[19] = UInt8(ascii: "Z")
        return cursor + 20
    }

    private func appendText(_ text: String, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if let end = text.utf8.withContiguousStorageIfAvailable({ appendText(bytes: $0, at: start) }) { return end }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { appendText(bytes: $0, at: start) }
    }

    private func appendText(bytes: UnsafeBufferPointer<UInt8>, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard let first = bytes.first, let base = bytes.baseAddress else { return start }
        var cursor = start
        let neutralise = Self.isFormulaStart(first)
        var needsQuotes = false
        for byte in bytes where byte == delimiter || byte == 34 || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if neutralise {
                cursor.pointee = 39
                cursor += 1
            }
            cursor.update(from: base, count: bytes.count)
            return cursor + bytes.count
        }
        cursor.pointee = 34
        cursor += 1
        if neutralise {
            cursor.pointee = 39
            cursor += 1
        }
        for byte in bytes {
            if byte == 34 {
                cursor.pointee = 34
                cursor += 1
            }
            cursor.pointee = byte
            cursor += 1
        }
        cursor.pointee = 34
        return cursor + 1
    }

    /// `=`, `+`, `-`, `@`, tab, CR.
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == 61 || byte == 43 || byte == 45 || byte == 64 || byte == 9 || byte == 13
    }
}
