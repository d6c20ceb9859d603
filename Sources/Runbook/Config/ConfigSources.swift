public import JSONSchema

/// The table that turns a node's `SourceLocation.source` number into a `ConfigValueOrigin`:
/// each file, environment variable and the schema defaults get a number when they are read.
public struct ConfigSources: Sendable {
    /// What a source number stands for.
    public enum Kind: Sendable, Equatable {
        /// A file (path relative to the project root).
        case file(String)
        /// An environment variable.
        case environment(String)
        /// Values filled in from schema defaults.
        case schemaDefault
    }

    private var kinds: [Kind] = []
    private var fileLayers: [String: ConfigLayer] = [:]

    /// Creates an empty table.
    public init() {}

    /// Adds a source and returns its number (numbers start at 1; 0 means unknown).
    public mutating func add(_ kind: Kind) -> UInt32 {
        if let index = kinds.firstIndex(of: kind) { return UInt32(index + 1) }
        kinds.append(kind)
        return UInt32(kinds.count)
    }

    /// Adds a file that is one of the configuration's layers and returns its number.
    public mutating func add(file path: String, layer: ConfigLayer) -> UInt32 {
        fileLayers[path] = layer
        return add(.file(path))
    }

    /// The layer a located value came from (nil for a file that is not a layer, e.g. an inline document).
    public func layer(of location: SourceLocation) -> ConfigLayer? {
        switch kind(of: location.source) {
        case .file(let path)?: fileLayers[path]
        case .environment?: .environment
        case .schemaDefault?: .schemaDefault
        case nil: nil
        }
    }

    /// The source a number stands for.
    public func kind(of source: UInt32) -> Kind? {
        guard source > 0, Int(source) <= kinds.count else { return nil }
        return kinds[Int(source) - 1]
    }

    /// The origin of a located value.
    public func origin(of location: SourceLocation) -> ConfigValueOrigin {
        switch kind(of: location.source) {
        case .file(let path)?: .file(path: path, line: Int(location.line), column: Int(location.column))
        case .environment(let variable)?: .environment(variable: variable)
        case .schemaDefault?: .schemaDefault
        case nil: .unknown
        }
    }

    /// A location to show in an error for a value at `location` with the given key path.
    public func errorLocation(of location: SourceLocation, keyPath: String?) -> ErrorLocation {
        origin(of: location).errorLocation(keyPath: keyPath)
    }
}
