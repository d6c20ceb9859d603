public import Foundation

extension OutputStore {
    /// Streams a CSV (or, with `delimiter: "\t"`, TSV) file: `body` pushes rows into the writer,
    /// which flushes every 64 KiB to a temporary file renamed into place at the end.
    @discardableResult
    public func writeCSV(to folder: OutputFolder, name: String, delimiter: Character = ",",
                         lineEnding: String = "\r\n", timestamped: Bool = false,
                         _ body: (CSVWriter) throws -> Void) throws -> URL {
        guard let byte = delimiter.asciiValue, byte != 34, byte != 10, byte != 13 else {
            throw HelpfulError(code: .outputDelimiter,
                               problem: "Delimiter '\(delimiter)' for \(name) is not usable",
                               solution: "Use a single ASCII character other than a quote or a line break",
                               example: "delimiter: \";\"")
        }
        return try writeAtomically(to: folder, name: name, timestamped: timestamped) { file in
            let writer = CSVWriter(file: file, delimiter: byte, lineEnding: lineEnding)
            try body(writer)
            try writer.flushStorage()
        }
    }

    /// Streams rows from an `AsyncSequence` into a CSV/TSV file (memory stays bounded).
    @discardableResult
    public func writeCSV<Rows: AsyncSequence>(header: [String]?, rows: Rows, to folder: OutputFolder, name: String,
                                              delimiter: Character? = nil, timestamped: Bool = false) async throws -> URL
    where Rows.Element == [TableCell] {
        let delimiter = delimiter ?? (name.lowercased().hasSuffix(".tsv") ? "\t" : ",")
        guard let byte = delimiter.asciiValue, byte != 34, byte != 10, byte != 13 else {
            throw HelpfulError(code: .outputDelimiter,
                               problem: "Delimiter '\(delimiter)' for \(name) is not usable",
                               solution: "Use a single ASCII character other than a quote or a line break",
                               example: "delimiter: \";\"")
        }
        return try await writeAtomically(to: folder, name: name, timestamped: timestamped) { file in
            let writer = CSVWriter(file: file, delimiter: byte, lineEnding: "\r\n")
            if let header { try writer.write(header: header) }
            for try await row in rows { try writer.write(row: row) }
            try writer.flushStorage()
        }
    }

    /// Saves a table as CSV/TSV; the delimiter follows the extension (`.tsv` → tab) unless given.
    @discardableResult
    public func saveCSV(header: [String]?, rows: some Sequence<[TableCell]>, to folder: OutputFolder, name: String,
                        delimiter: Character? = nil, timestamped: Bool = false) throws -> URL {
        let delimiter = delimiter ?? (name.lowercased().hasSuffix(".tsv") ? "\t" : ",")
        return try writeCSV(to: folder, name: name, delimiter: delimiter, timestamped: timestamped) { csv in
            if let header { try csv.write(header: header) }
            try csv.write(rows: rows)
        }
    }

    /// Loads CSV/TSV as rows of fields (the header, if any, is the first row); the delimiter
    /// follows the extension (`.tsv` → tab) unless given.
    public func loadCSV(from folder: OutputFolder, name: String, delimiter: Character? = nil) throws -> [[String]] {
        let delimiter = delimiter ?? (name.lowercased().hasSuffix(".tsv") ? "\t" : ",")
        let data = try loadData(from: folder, name: name)
        let fileURL = try url(folder, name)
        do {
            return try CSVReader(delimiter: delimiter.asciiValue ?? 44).rows(Array(data))
        } catch CSVReader.Problem.unterminatedQuote(let line) {
            throw OutputError.invalidContent(fileURL, format: "CSV", reason: "a quoted field is never closed", line: line)
        } catch CSVReader.Problem.textAfterQuote(let line) {
            throw OutputError.invalidContent(fileURL, format: "CSV", reason: "text follows a closing quote", line: line)
        }
    }
}

/// One sheet of a workbook saved at once (`OutputStore.saveXLSX(sheets:…)`).
public struct XLSXSheet: Sendable {
    /// The sheet name (1-31 characters, none of `/ \ ? * [ ] :`, unique).
    public var name: String
    /// The bold header row, if any.
    public var header: [String]?
    /// The rows.
    public var rows: [[TableCell]]

    /// Creates a sheet.
    public init(name: String, header: [String]? = nil, rows: [[TableCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

extension OutputStore {
    /// Streams an XLSX workbook: `body` adds sheets and pushes rows, which are deflated into a
    /// temporary file as they come; the file replaces the destination only when `body` returns.
    @discardableResult
    public func writeXLSX(to folder: OutputFolder, name: String, timestamped: Bool = false,
                          _ body: (XLSXWorkbookWriter) throws -> Void) throws -> URL {
        try writeAtomically(to: folder, name: name, timestamped: timestamped) { file in
            // The screen reads the sheets' XML before it is deflated, not the compressed bytes.
            let zip = ZipStreamWriter(file: file)
            zip.screen = file.screen
            file.screen = nil
            let workbook = XLSXWorkbookWriter(zip: zip, file: name)
            try body(workbook)
            try workbook.finish()
        }
    }

    /// Saves several named sheets; every name is checked before anything is written.
    @discardableResult
    public func saveXLSX(sheets: [XLSXSheet], to folder: OutputFolder, name: String,
                         timestamped: Bool = false) throws -> URL {
        var names: [String] = []
        for sheet in sheets {
            try SheetName.validate(sheet.name, existing: names, file: name)
            names.append(sheet.name)
        }
        return try writeXLSX(to: folder, name: name, timestamped: timestamped) { workbook in
            for sheet in sheets { try workbook.addSheet(sheet.name, header: sheet.header, rows: sheet.rows) }
        }
    }
}
