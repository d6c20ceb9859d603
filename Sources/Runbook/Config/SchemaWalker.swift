public import JSONSchema

/// Walks a configuration schema's structure (`properties`, `additionalProperties`, `items`, local
/// `$ref`, `allOf`) to find the subschemas for an instance path, to document keys (`runbook config
/// --explain`, `runbook docs`). Validation, defaults and declared types are `CompiledSchema`'s job.
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
            current = current.compactMap { child($0, token) }.flatMap(expand)
            if current.isEmpty { break }
        }
        return current
    }

    /// The schema for one key or index below `schema` (before expansion).
    private func child(_ schema: JSONNode, _ token: String) -> JSONNode? {
        guard let object = schema.value.objectValue else { return nil }
        if let property = object["properties"]?.value.objectValue?[token] { return property }
        if let items = object["items"], case .object = items.value, Int(token) != nil { return items }
        if let additional = object["additionalProperties"], case .object = additional.value { return additional }
        return nil
    }

    /// `schema` plus every schema it pulls in through `$ref` and `allOf` (local references only).
    private func expand(_ schema: JSONNode) -> [JSONNode] {
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
