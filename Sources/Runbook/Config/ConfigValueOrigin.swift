/// Where an effective configuration value came from.
public enum ConfigValueOrigin: Sendable, Equatable, CustomStringConvertible {
    /// A file, at a 1-based line and column (path relative to the project root).
    case file(path: String, line: Int, column: Int)
    /// An environment variable (`RUNBOOK__SECTION__KEY`).
    case environment(variable: String)
    /// The schema's `default` for the key.
    case schemaDefault
    /// Unknown.
    case unknown

    public var description: String {
        switch self {
        case .file(let path, let line, let column): line > 0 ? "\(path):\(line):\(column)" : path
        case .environment(let variable): "environment variable \(variable)"
        case .schemaDefault: "schema default"
        case .unknown: "unknown origin"
        }
    }

    /// The origin as an `ErrorLocation`, adding a key path.
    func errorLocation(keyPath: String?) -> ErrorLocation {
        switch self {
        case .file(let path, let line, let column):
            ErrorLocation(file: path, line: line > 0 ? line : nil, column: line > 0 ? column : nil, keyPath: keyPath)
        case .unknown:
            ErrorLocation(keyPath: keyPath)
        default:
            ErrorLocation(keyPath: keyPath, origin: description)
        }
    }
}
