/// A file format, recognised by extension (the anchor's table, plus `.tsv`).
///
/// | format | extensions |
/// |---|---|
/// | json | `.json` |
/// | yaml | `.yaml`, `.yml` |
/// | csv | `.csv` |
/// | tsv | `.tsv` |
/// | xlsx | `.xlsx`, `.xlsm` |
/// | text | `.txt`, `.log`, `.md`, `.html`, `.xml` |
/// | gzip | `.gz`, `.rapidstart` |
/// | binary | `.bin`, `.dat` |
public enum OutputFormat: String, Sendable, CaseIterable {
    /// JSON.
    case json
    /// YAML.
    case yaml
    /// Comma-separated values.
    case csv
    /// Tab-separated values.
    case tsv
    /// Excel workbook.
    case xlsx
    /// UTF-8 text.
    case text
    /// gzip-compressed bytes.
    case gzip
    /// Bytes as they are.
    case binary

    /// The format of a file name, or nil for an unknown extension.
    public init?(fileName: String) {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        switch base[base.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "xlsx", "xlsm": self = .xlsx
        case "txt", "log", "md", "html", "xml": self = .text
        case "gz", "rapidstart": self = .gzip
        case "bin", "dat": self = .binary
        default: return nil
        }
    }
}
