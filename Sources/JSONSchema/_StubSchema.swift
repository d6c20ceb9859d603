// TEMPORARY stand-in until the `schema` branch lands. Deleted at merge.
public import Foundation

public enum JSONParser {
    public static func parse(_ bytes: [UInt8], source: UInt32 = 0, maxDepth: Int = 1000) throws(JSONSyntaxError) -> JSONNode {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            throw JSONSyntaxError(message: "invalid JSON", location: SourceLocation(source: source, line: 1, column: 1))
        }
        return convert(object, source)
    }
    public static func parse(_ text: String, source: UInt32 = 0, maxDepth: Int = 1000) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), source: source, maxDepth: maxDepth)
    }
    static func convert(_ any: Any, _ source: UInt32) -> JSONNode {
        let loc = SourceLocation(source: source, line: 1, column: 1)
        switch any {
        case let b as Bool where type(of: any) == type(of: NSNumber(value: true)): return JSONNode(.bool(b), at: loc); case let n as NSNumber where false: return JSONNode(.bool(n.boolValue), at: loc)
        case let n as NSNumber:
            if let i = Int64(exactly: n.doubleValue), !"\(n)".contains(".") { return JSONNode(.integer(i), at: loc) }
            return JSONNode(.number(JSONNumber(literal: "\(n)")), at: loc)
        case let s as String: return JSONNode(.string(s), at: loc)
        case let a as [Any]: return JSONNode(.array(a.map { convert($0, source) }), at: loc)
        case let d as [String: Any]:
            return JSONNode(.object(JSONObject(d.keys.sorted().map { .init(key: $0, keyLocation: loc, value: convert(d[$0]!, source)) })), at: loc)
        default: return JSONNode(.null, at: loc)
        }
    }
}
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    public var description: String { message }
}
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    public var tokens: [String]
    public init(tokens: [String]) { self.tokens = tokens }
    public var description: String { tokens.map { "/" + $0 }.joined() }
}
public enum Dialect: Sendable { case draft2020_12, draft7 }
public struct SchemaRegistry: Sendable { public init() {}; public mutating func addDirectory(prefix: String, directory: String) {} }
public struct ValidationOptions: Sendable {
    public var defaultDialect: Dialect; public var assertFormats: Bool
    public init(defaultDialect: Dialect = .draft2020_12, assertFormats: Bool = false) { self.defaultDialect = defaultDialect; self.assertFormats = assertFormats }
}
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public var message: String; public var location: SourceLocation; public var schemaPointer: JSONPointer
    public var description: String { message }
}
public struct Violation: Sendable, Equatable {
    public var instanceLocation: JSONPointer
    public var keywordLocation: JSONPointer
    public var absoluteKeywordLocation: String?
    public var keyword: String
    public var message: String
    public var sourceLocation: SourceLocation
}
public struct ValidationResult: Sendable { public var isValid: Bool; public var violations: [Violation] }
public final class CompiledSchema: Sendable {
    let schema: JSONNode
    public init(_ schema: JSONNode, registry: SchemaRegistry = SchemaRegistry(), options: ValidationOptions = .init()) throws(SchemaError) { self.schema = schema }
    public func validate(_ instance: JSONNode) -> ValidationResult { ValidationResult(isValid: true, violations: []) }
    public func isValid(_ instance: JSONNode) -> Bool { true }
    public func applyingDefaults(to instance: JSONNode, location: SourceLocation) -> (JSONNode, [JSONPointer]) { (instance, []) }
    public func declaredTypes(at instancePath: [String]) -> Set<String> { [] }
}
