// TEMPORARY stand-in until the `yaml` branch lands. Deleted at merge.
public import JSONSchema
public struct YAMLReader: Sendable {
    public struct Limits: Sendable { public var maxDepth = 256; public var maxAliasExpansion = 1_000_000; public init() {} }
    public init(limits: Limits = .init()) {}
    public func read(_ bytes: [UInt8], source: UInt32 = 0) throws(YAMLError) -> JSONNode {
        throw YAMLError(message: "YAML not available yet", location: SourceLocation(source: source, line: 1, column: 1))
    }
    public func read(_ text: String, source: UInt32 = 0) throws(YAMLError) -> JSONNode { try read(Array(text.utf8), source: source) }
}
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    public var description: String { message }
}
