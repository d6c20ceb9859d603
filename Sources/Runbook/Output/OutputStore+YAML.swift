public import Foundation
public import JSONSchema

extension OutputStore {
    /// Saves a value as YAML (block style, keys in `Encodable` order, dates as ISO 8601 UTC),
    /// emitted by libyaml.
    @discardableResult
    public func saveYAML(_ value: some Encodable, to folder: OutputFolder, name: String,
                         timestamped: Bool = false) throws -> URL {
        let tree = try Self.encodeTree(value, name: name, format: "YAML")
        let text: String
        do {
            text = try YAMLTextWriter().text(tree)
        } catch {
            throw HelpfulError(code: .outputUnencodable,
                               problem: "Cannot write \(name) as YAML: \(error)",
                               solution: "Save the data as JSON instead, and report this as a bug")
        }
        return try writeAtomically(to: folder, name: name, timestamped: timestamped) { file in
            try file.screen?.check(tree)
            try file.write(text)
        }
    }

    /// Loads a YAML file as a located tree (line and column of every value).
    public func loadYAML(from folder: OutputFolder, name: String) throws -> JSONNode {
        let data = try loadData(from: folder, name: name)
        return try YAMLDocumentReading.read(Array(data), file: "\(folder.rawValue)/\(name)")
    }
}

/// The one place the output store calls the YAML reader.
enum YAMLDocumentReading {
    /// Parses YAML bytes into the located tree; problems are `HelpfulError`s with line and column.
    static func read(_ bytes: [UInt8], file: String) throws -> JSONNode {
        try ConfigDocumentReader().parse(bytes, displayPath: file, source: 0)
    }
}
