public import JSONSchema

/// Hard-fail access to the validated configuration.
///
/// ```swift
/// let retries = try config.require(Int.self, "script-behavior", "retry-strategy", "max-retries")
/// let baseURL = try config.require(URL.self, "global", "api-base-url")
/// let version = try config.optional(String.self, "global", "api-version")   // nil only if absent
/// let limits = try config.decode(RateLimitSettings.self, "script-behavior", "rate-limiting")
/// ```
///
/// - `require` throws a `HelpfulError` (exit 78) naming the key path, the file, and the nearest
///   existing key ("did you mean 'burst-size'?").
/// - `optional` returns nil when the key is absent; a misspelling of an existing key still throws,
///   so a typo is never silently treated as "not configured". Keys with a schema default are never
///   absent: the loader fills them in.
/// - A value of the wrong type is a `HelpfulError` with the value's `file:line:column`.
public struct ConfigProxy: Sendable {
    /// The effective tree.
    public let root: JSONNode
    /// Where each value came from.
    public let sources: ConfigSources
    /// The configuration file (relative path), for messages.
    public let file: String
    /// The path of this proxy's section inside the whole tree (empty for the root).
    public let prefix: [String]

    /// Creates a proxy over a tree.
    public init(root: JSONNode, sources: ConfigSources = ConfigSources(), file: String, prefix: [String] = []) {
        self.root = root
        self.sources = sources
        self.file = file
        self.prefix = prefix
    }

    /// Whether a key exists.
    public func contains(_ path: String...) -> Bool {
        root.node(at: path) != nil
    }

    /// The raw located value at a path; throws when it is absent.
    public func require(_ path: String...) throws(HelpfulError) -> JSONNode {
        try node(path)
    }

    /// The raw located value at a path given as an array (`ConfigKeyPath.parse("a.b")`).
    public func require(path: [String]) throws(HelpfulError) -> JSONNode {
        try node(path)
    }

    /// The value at a path given as an array, as `T`.
    public func require<T: ConfigValueType>(_ type: T.Type, path: [String]) throws(HelpfulError) -> T {
        try typed(type, at: try node(path), path: path)
    }

    /// The value at a path as `T`; throws when absent or of another type.
    public func require<T: ConfigValueType>(_ type: T.Type, _ path: String...) throws(HelpfulError) -> T {
        try typed(type, at: try node(path), path: path)
    }

    /// The value at a path as `T`, or nil when the key is absent (a wrong type still throws, and so
    /// does a key that looks like a misspelling of one that exists).
    public func optional<T: ConfigValueType>(_ type: T.Type, _ path: String...) throws(HelpfulError) -> T? {
        guard let found = root.node(at: path) else {
            if let error = misspelling(path) { throw error }
            return nil
        }
        if case .null = found.value { return nil }
        return try typed(type, at: found, path: path)
    }

    /// A proxy for a section, whose paths are relative to it.
    public func section(_ path: String...) throws(HelpfulError) -> ConfigProxy {
        let found = try node(path)
        guard case .object = found.value else {
            throw wrongType(found, path: path, expected: "a section (a mapping of keys)")
        }
        return ConfigProxy(root: found, sources: sources, file: file, prefix: prefix + path)
    }

    /// Where the value at a path came from (file position, environment variable, schema default).
    public func origin(of path: String...) -> ConfigValueOrigin? {
        root.node(at: path).map { sources.origin(of: $0.location) }
    }

    // MARK: - Internals shared with decoding

    func node(_ path: [String]) throws(HelpfulError) -> JSONNode {
        if let found = root.node(at: path) { return found }
        throw missing(path)
    }

    func typed<T: ConfigValueType>(_ type: T.Type, at node: JSONNode, path: [String]) throws(HelpfulError) -> T {
        if let value = T.fromConfig(node.value) { return value }
        throw wrongType(node, path: path, expected: T.configTypeDescription)
    }

    func keyPath(_ path: [String]) -> String {
        ConfigKeyPath.format(prefix + path)
    }
}
