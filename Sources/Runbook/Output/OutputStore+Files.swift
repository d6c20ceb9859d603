public import Foundation
import JSONSchema

/// How JSON is laid out.
public struct JSONOutputOptions: Sendable, Equatable {
    /// Indented (2 spaces) when true, compact when false.
    public var pretty: Bool
    /// Object keys sorted alphabetically (otherwise in `Encodable` order).
    public var sortedKeys: Bool

    /// Creates options; the default is pretty, unsorted.
    public init(pretty: Bool = true, sortedKeys: Bool = false) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }
}

extension OutputStore {
    /// Saves a value as JSON (UTF-8, keys in `Encodable` order unless sorted, 2-space indent when
    /// pretty, ISO 8601 UTC dates, trailing newline).
    @discardableResult
    public func saveJSON(_ value: some Encodable, to folder: OutputFolder, name: String,
                         options: JSONOutputOptions = JSONOutputOptions(), timestamped: Bool = false) throws -> URL {
        let tree = try Self.encodeTree(value, name: name, format: "JSON")
        let data = Data(JSONTextWriter(pretty: options.pretty, sortedKeys: options.sortedKeys).text(tree).utf8)
        return try writeAtomically(to: folder, name: name, timestamped: timestamped) { file in
            try file.screen?.check(tree)
            try file.write(data)
            try file.write([10])
        }
    }

    static func encodeJSON(_ value: some Encodable, options: JSONOutputOptions, name: String) throws -> Data {
        let tree = try encodeTree(value, name: name, format: "JSON")
        return Data(JSONTextWriter(pretty: options.pretty, sortedKeys: options.sortedKeys).text(tree).utf8)
    }

    static func encodeTree(_ value: some Encodable, name: String, format: String) throws -> JSONValue {
        do {
            return try TreeEncoder().encode(value)
        } catch {
            throw HelpfulError(
                code: .outputUnencodable,
                problem: "Cannot encode the data for \(name) as \(format): \(Self.describe(error))",
                solution: "Make sure every value is encodable (no NaN or infinite numbers)")
        }
    }

    /// Saves text (UTF-8). `ensureNewline` adds a final newline when missing.
    @discardableResult
    public func saveText(_ text: String, to folder: OutputFolder, name: String, ensureNewline: Bool = false,
                         timestamped: Bool = false) throws -> URL {
        try writeAtomically(to: folder, name: name, timestamped: timestamped) { file in
            try file.write(text)
            if ensureNewline, !text.hasSuffix("\n") { try file.write([10]) }
        }
    }

    /// Saves bytes as they are.
    @discardableResult
    public func saveBinary(_ data: Data, to folder: OutputFolder, name: String, timestamped: Bool = false) throws -> URL {
        try writeAtomically(to: folder, name: name, timestamped: timestamped) { file in try file.write(data) }
    }

    /// Saves bytes gzip-compressed at `level` (0-9, default 9).
    @discardableResult
    public func saveGzip(_ data: Data, to folder: OutputFolder, name: String, level: Int = 9,
                         timestamped: Bool = false) throws -> URL {
        guard (0...9).contains(level) else {
            throw HelpfulError(code: .outputCompressionLevel,
                               problem: "Compression level \(level) for \(name) is out of range",
                               solution: "Use a level from 0 (none) to 9 (best)", example: "level: 6")
        }
        return try writeAtomically(to: folder, name: name, timestamped: timestamped) { file in
            // The screen reads what is compressed, not the compressed bytes.
            try file.screen?.scan(data)
            file.screen = nil
            try GzipCodec.compress(Array(data), level: Int32(level)) { chunk in try file.write(chunk) }
        }
    }

    /// Loads JSON into a `Decodable` type (ISO 8601 dates).
    public func loadJSON<T: Decodable>(_ type: T.Type, from folder: OutputFolder, name: String) throws -> T {
        let data = try loadData(from: folder, name: name)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw OutputError.invalidContent(try url(folder, name), format: "JSON", reason: Self.describe(error))
        }
    }

    /// Loads UTF-8 text.
    public func loadText(from folder: OutputFolder, name: String) throws -> String {
        let data = try loadData(from: folder, name: name)
        guard let text = String(data: data, encoding: .utf8) else {
            throw OutputError.invalidContent(try url(folder, name), format: "UTF-8 text",
                                             reason: "the bytes are not valid UTF-8; convert the file to UTF-8")
        }
        return text
    }

    /// Loads bytes as they are.
    public func loadBinary(from folder: OutputFolder, name: String) throws -> Data {
        try loadData(from: folder, name: name)
    }

    /// Loads and decompresses a gzip file (`.gz`, `.rapidstart`).
    public func loadGzip(from folder: OutputFolder, name: String) throws -> Data {
        let data = try loadData(from: folder, name: name)
        do {
            return Data(try GzipCodec.decompress(Array(data)))
        } catch GzipCodec.CodecError.failed(let reason) {
            throw OutputError.invalidContent(try url(folder, name), format: "gzip data", reason: reason)
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(context.debugDescription) (at \(path))"
        case EncodingError.invalidValue(_, let context):
            return context.debugDescription
        default:
            return String(describing: error)
        }
    }
}
