/// Where a problem is, as precisely as known: a file position, a configuration key path, a URL.
public struct ErrorLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    /// A file path (relative to the project root when possible).
    public var file: String?
    /// 1-based line in `file`.
    public var line: Int?
    /// 1-based column in `file`.
    public var column: Int?
    /// A dotted configuration key path, e.g. `script-behavior.rate-limiting.burst-size`.
    public var keyPath: String?
    /// A URL (with secrets removed).
    public var url: String?
    /// Any other origin, e.g. `environment variable RUNBOOK__GLOBAL__CLIENT_ID`.
    public var origin: String?

    /// Creates a location from any of its parts.
    public init(
        file: String? = nil, line: Int? = nil, column: Int? = nil,
        keyPath: String? = nil, url: String? = nil, origin: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.url = url
        self.origin = origin
    }

    /// A position in a file.
    public static func file(_ path: String, line: Int? = nil, column: Int? = nil) -> ErrorLocation {
        ErrorLocation(file: path, line: line, column: column)
    }

    /// `file:line:column`, or as much of it as is known.
    public var filePosition: String? {
        guard let file else { return nil }
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// All known parts, e.g. `config/acme-prod-config.yaml:12:5 (key script-behavior.jitter)`.
    public var description: String {
        var parts: [String] = []
        if let filePosition { parts.append(filePosition) }
        if let origin { parts.append(origin) }
        if let keyPath { parts.append("key \(keyPath)") }
        if let url { parts.append(url) }
        guard let first = parts.first else { return "" }
        let rest = parts.dropFirst()
        return rest.isEmpty ? first : "\(first) (\(rest.joined(separator: ", ")))"
    }
}
