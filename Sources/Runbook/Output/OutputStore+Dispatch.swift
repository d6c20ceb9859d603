public import Foundation

extension OutputStore {
    /// Saves a value in the format its name's extension calls for: `.json` or `.yaml`/`.yml`.
    /// Other extensions are refused with the method to use instead.
    ///
    /// ```swift
    /// try store.save(report, to: .output, name: "report.yaml", timestamped: true)
    /// ```
    @discardableResult
    public func save(_ value: some Encodable, to folder: OutputFolder, name: String, timestamped: Bool = false) throws -> URL {
        switch OutputFormat(fileName: name) {
        case .json: return try saveJSON(value, to: folder, name: name, timestamped: timestamped)
        case .yaml: return try saveYAML(value, to: folder, name: name, timestamped: timestamped)
        case let format:
            throw Self.wrongFormat(name: name, format: format, what: "structured data",
                                   hint: "use a .json or .yaml name, or saveCSV/saveXLSX for tables")
        }
    }

    /// Saves bytes by extension: `.gz`/`.rapidstart` compressed, `.bin`/`.dat` (and any text
    /// extension) as they are.
    @discardableResult
    public func save(_ data: Data, to folder: OutputFolder, name: String, timestamped: Bool = false) throws -> URL {
        switch OutputFormat(fileName: name) {
        case .gzip: return try saveGzip(data, to: folder, name: name, timestamped: timestamped)
        case .binary, .text, .json, .yaml, .csv, .tsv: return try saveBinary(data, to: folder, name: name, timestamped: timestamped)
        case let format:
            throw Self.wrongFormat(name: name, format: format, what: "bytes", hint: "use a .bin, .dat or .gz name")
        }
    }

    static func wrongFormat(name: String, format: OutputFormat?, what: String, hint: String) -> HelpfulError {
        let kind = format.map { "a \($0.rawValue) file" } ?? "a file of unknown type"
        return HelpfulError(code: .outputWrongFormat,
                            problem: "Cannot save \(what) as \(name): the extension makes it \(kind)",
                            solution: hint.prefix(1).uppercased() + hint.dropFirst(),
                            example: "try store.save(report, to: .output, name: \"report.json\")")
    }
}
