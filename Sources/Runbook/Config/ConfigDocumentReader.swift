public import Foundation
public import JSONSchema

/// Reads one YAML or JSON document from disk into the located tree, turning every problem
/// (missing, unreadable, too large, binary, empty, malformed) into a `HelpfulError` with the
/// file's line and column and exit code 78.
public struct ConfigDocumentReader: Sendable {
    /// The largest document accepted (64 MiB); larger files are refused before parsing.
    public static let maximumSize = 64 << 20

    /// The YAML reader (limits for depth and alias expansion).
    public var yaml: YAMLReader
    /// The deepest nesting accepted in JSON documents.
    public var maxJSONDepth: Int

    /// Creates a reader.
    public init(yaml: YAMLReader = YAMLReader(), maxJSONDepth: Int = 256) {
        self.yaml = yaml
        self.maxJSONDepth = maxJSONDepth
    }

    /// How much of a parser's message may be shown: secrets files never show their content.
    public enum Disclosure: Sendable {
        /// Show the parser's message.
        case full
        /// Show only the position (the file holds secrets).
        case positionOnly
    }

    /// What the document is: a configuration must be a document (not empty, not `null`); a data file
    /// checked with `runbook validate --schema` may hold any JSON value, `null` included.
    public enum Role: Sendable {
        /// A configuration, secrets or schema file: an empty or `null` document is refused.
        case configuration
        /// Any data file: every JSON value is a document.
        case data
    }

    /// Reads `url`, shown to the user as `displayPath`, assigning `source` to every node.
    public func read(
        _ url: URL, displayPath: String, source: UInt32, disclosure: Disclosure = .full, role: Role = .configuration
    ) throws(HelpfulError) -> JSONNode {
        let bytes = try readBytes(url, displayPath: displayPath)
        return try parse(bytes, displayPath: displayPath, source: source, disclosure: disclosure, role: role)
    }

    /// Parses bytes already read; the format comes from `displayPath`'s extension (`.json` is JSON,
    /// anything else YAML).
    public func parse(
        _ bytes: [UInt8], displayPath: String, source: UInt32, disclosure: Disclosure = .full, role: Role = .configuration
    ) throws(HelpfulError) -> JSONNode {
        let isJSON = displayPath.lowercased().hasSuffix(".json")
        let format = isJSON ? "JSON" : "YAML"
        if role == .configuration, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw HelpfulError(
                code: .configFileEmpty,
                problem: "\(displayPath) is empty",
                solution: "Fill it in (copy a working configuration and adapt it), or delete it",
                example: "cp config/demo-test-config.yaml \(displayPath)",
                location: .file(displayPath),
                exitCode: .configuration
            )
        }
        if let nul = bytes.firstIndex(of: 0) {
            let position = Self.position(of: nul, in: bytes)
            throw HelpfulError(
                code: .configFileNotText,
                problem: "\(displayPath) is not a text file (it contains a NUL byte)",
                solution: "Configuration files are UTF-8 \(format) text; replace this file with the real document",
                example: "file \(displayPath)",
                location: .file(displayPath, line: position.line, column: position.column),
                exitCode: .configuration
            )
        }
        let node: JSONNode
        do {
            node = isJSON
                ? try JSONParser.parse(bytes, source: source, maxDepth: maxJSONDepth)
                : try yaml.read(bytes, source: source)
        } catch let error as JSONSyntaxError {
            throw syntaxError(format, error.message, error.location, displayPath, disclosure)
        } catch let error as YAMLError {
            throw syntaxError(format, error.message, error.location, displayPath, disclosure)
        } catch {
            throw syntaxError(format, "\(error)", .unknown, displayPath, disclosure)
        }
        if role == .configuration, case .null = node.value {
            throw HelpfulError(
                code: .configFileWithoutDocument,
                problem: "\(displayPath) holds no document (only comments or null)",
                solution: "Write the configuration as a mapping of sections",
                example: "global:\n  api-base-url: https://api.example.com/",
                location: .file(displayPath),
                exitCode: .configuration
            )
        }
        return node
    }

    private func readBytes(_ url: URL, displayPath: String) throws(HelpfulError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > Self.maximumSize {
            throw HelpfulError(
                code: .configFileTooLarge,
                problem: "\(displayPath) is too large (\(size) bytes; the limit is \(Self.maximumSize))",
                solution: "Configuration files hold settings, not data: move bulk data into data/",
                example: "ls -l \(displayPath)",
                location: .file(displayPath),
                exitCode: .configuration
            )
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw HelpfulError(
                code: .configFileUnreadable,
                problem: "Cannot read \(displayPath)",
                solution: "Check that the file exists and is readable by this user",
                example: "ls -l \(displayPath)",
                location: .file(displayPath),
                exitCode: .configuration
            )
        }
        return [UInt8](data)
    }

    private func syntaxError(
        _ format: String, _ message: String, _ location: SourceLocation, _ path: String, _ disclosure: Disclosure
    ) -> HelpfulError {
        let line = location.line > 0 ? Int(location.line) : nil
        let column = location.column > 0 ? Int(location.column) : nil
        let shown = disclosure == .full ? ": \(message)" : " (details hidden: the file holds secrets)"
        return HelpfulError(
            code: .configSyntax,
            problem: "\(path) is not valid \(format)\(shown)",
            solution: "Fix the \(format) syntax at the position shown",
            example: format == "JSON" ? "python3 -m json.tool \(path)" : "yamllint \(path)",
            location: .file(path, line: line, column: column),
            exitCode: .configuration
        )
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
