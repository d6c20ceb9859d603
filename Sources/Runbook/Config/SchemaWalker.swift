public import JSONSchema

/// Walks a configuration schema's structure (`properties`, `additionalProperties`, `items`, local
/// `$ref`, `allOf`) to find the subschema for an instance path. Used to fill defaults, to type
/// environment overrides, and to document keys. Validation itself is `CompiledSchema`'s job.
public struct SchemaWalker: Sendable {
    /// The schema document.
    public let root: JSONNode

    /// Creates a walker over a schema document.
    public init(root: JSONNode) {
        self.root = root
    }

    /// The subschemas (after following `$ref` and `allOf`) that apply at an instance path.
    public func schemas(at path: [String]) -> [JSONNode] {
        var current = expand(root)
        for token in path {
            current = current.flatMap { child($0, token) }.flatMap(expand)
            if current.isEmpty { break }
        }
        return current
    }

    /// The JSON types declared for the value at an instance path (empty when not declared).
    public func declaredTypes(at path: [String]) -> Set<String> {
        var types = Set<String>()
        for schema in schemas(at: path) {
            switch schema.value.objectValue?["type"]?.value {
            case .string(let type)?: types.insert(type)
            case .array(let list)?: types.formUnion(list.compactMap { $0.value.stringValue })
            default: break
            }
        }
        return types
    }

    /// The schema for one key or index below `schema` (before expansion).
    func child(_ schema: JSONNode, _ token: String) -> JSONNode? {
        guard let object = schema.value.objectValue else { return nil }
        if let property = object["properties"]?.value.objectValue?[token] { return property }
        if let items = object["items"], case .object = items.value, Int(token) != nil { return items }
        if let additional = object["additionalProperties"], case .object = additional.value { return additional }
        return nil
    }

    /// `schema` plus every schema it pulls in through `$ref` and `allOf` (local references only).
    func expand(_ schema: JSONNode) -> [JSONNode] {
        var result: [JSONNode] = []
        var pending = [schema]
        var hops = 0
        while let next = pending.popLast(), hops < 64 {
            hops += 1
            guard let object = next.value.objectValue else { continue }
            result.append(next)
            if let reference = object["$ref"]?.value.stringValue, let target = resolve(reference) {
                pending.append(target)
            }
            for part in object["allOf"]?.value.arrayValue ?? [] { pending.append(part) }
        }
        return result
    }

    private func resolve(_ reference: String) -> JSONNode? {
        guard reference.hasPrefix("#") else { return nil }
        return JSONPointer(parsing: String(reference.dropFirst())).flatMap { root.node(at: $0.tokens) }
    }
}
