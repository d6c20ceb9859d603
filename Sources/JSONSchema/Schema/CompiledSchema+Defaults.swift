/// Schema-driven helpers for configuration loaders: filling in defaults and finding declared types.
extension CompiledSchema {
    /// Returns the instance with every missing property that has a `default` in its (sub)schema filled
    /// in, recursively (an inserted default object is itself descended into), following `$ref` and
    /// `allOf`; inserted nodes get `location`. Also returns the JSON pointers that were filled.
    ///
    /// ```swift
    /// let (filled, pointers) = schema.applyingDefaults(to: config, location: SourceLocation(source: 9, line: 0, column: 0))
    /// ```
    public func applyingDefaults(to instance: JSONNode, location: SourceLocation) -> (JSONNode, [JSONPointer]) {
        var filled: [JSONPointer] = []
        var path: [String] = []
        let result = fillDefaults(instance, schemas: expand([root]), location: location, path: &path, filled: &filled, depth: 0)
        return (result, filled)
    }

    /// The JSON types (`string`, `integer`, `boolean`, ...) the schema declares for the value at this
    /// instance path, following `properties`, `patternProperties`, `additionalProperties`, `items`,
    /// `$ref` and `allOf`; empty when unknown.
    public func declaredTypes(at instancePath: [String]) -> Set<String> {
        var current = expand([root])
        for token in instancePath {
            var next: [Int] = []
            for index in current { next += children(of: index, token: token) }
            current = expand(next)
            if current.isEmpty { return [] }
        }
        var types: Set<String> = []
        for index in current {
            for keyword in nodes[index].keywords {
                guard case .type(let mask) = keyword.kind else { continue }
                for (name, bit) in TypeMask.names where mask.contains(bit) { types.insert(name) }
            }
        }
        return types
    }

    /// The nodes plus everything they reach in place through `$ref`, `$dynamicRef` and `allOf`.
    func expand(_ start: [Int]) -> [Int] {
        var result: [Int] = []
        var seen: Set<Int> = []
        var work = start.reversed() as [Int]
        while let index = work.popLast() {
            guard seen.insert(index).inserted else { continue }
            result.append(index)
            for keyword in nodes[index].keywords {
                switch keyword.kind {
                case .ref(let target), .dynamicRef(let target, _): work.append(target)
                case .allOf(let targets): work += targets.reversed()
                default: break
                }
            }
        }
        return result
    }

    /// The subschemas of `index` that apply to the child `token` of an object or array.
    private func children(of index: Int, token: String) -> [Int] {
        var result: [Int] = []
        var matched = false
        var additional: Int?
        for keyword in nodes[index].keywords {
            switch keyword.kind {
            case .objectShape(let shape):
                if let target = shape.table.node(for: token) { result.append(target); matched = true }
                for (regex, target) in shape.patterns where regex.matches(token) { result.append(target); matched = true }
                if let target = shape.additional { additional = target }
            case .properties(let table):
                if let target = table.node(for: token) { result.append(target); matched = true }
            case .patternProperties(let entries):
                for (regex, target) in entries where regex.matches(token) { result.append(target); matched = true }
            case .additionalProperties(let target, _, _): additional = target
            case .prefixItems(let targets):
                if let position = Int(token), targets.indices.contains(position) { result.append(targets[position]) }
            case .items(let target, let from):
                if let position = Int(token), position >= from { result.append(target) }
            default: break
            }
        }
        if !matched, let additional { result.append(additional) }
        return result.filter { nodes[$0].boolean == nil }
    }

    private func fillDefaults(
        _ instance: JSONNode, schemas: [Int], location: SourceLocation, path: inout [String], filled: inout [JSONPointer], depth: Int
    ) -> JSONNode {
        guard depth < 200, !schemas.isEmpty else { return instance }
        var node = instance
        switch instance.value {
        case .object(var object):
            for index in schemas {
                for keyword in nodes[index].keywords {
                    let table: PropertyTable
                    switch keyword.kind {
                    case .properties(let plain): table = plain
                    case .objectShape(let shape): table = shape.table
                    default: continue
                    }
                    for (name, target) in zip(table.names, table.nodes) where object.index(of: name) == nil {
                        guard let value = expand([target]).lazy.compactMap({ self.nodes[$0].defaultValue }).first else { continue }
                        object.members.append(JSONObject.Member(key: name, keyLocation: location, value: Self.relocated(value, location)))
                        filled.append(JSONPointer(path + [name]))
                    }
                }
            }
            for offset in object.members.indices {
                let key = object.members[offset].key
                let childSchemas = expand(schemas.flatMap { children(of: $0, token: key) })
                path.append(key)
                object.members[offset].value = fillDefaults(object.members[offset].value, schemas: childSchemas, location: location,
                                                            path: &path, filled: &filled, depth: depth + 1)
                path.removeLast()
            }
            node.value = .object(object)
        case .array(var elements):
            for offset in elements.indices {
                let childSchemas = expand(schemas.flatMap { children(of: $0, token: String(offset)) })
                path.append(String(offset))
                elements[offset] = fillDefaults(elements[offset], schemas: childSchemas, location: location, path: &path,
                                                filled: &filled, depth: depth + 1)
                path.removeLast()
            }
            node.value = .array(elements)
        default:
            break
        }
        return node
    }

    /// A copy of a default value whose every node has `location`.
    static func relocated(_ node: JSONNode, _ location: SourceLocation) -> JSONNode {
        switch node.value {
        case .array(let elements): return JSONNode(.array(elements.map { relocated($0, location) }), at: location)
        case .object(let object):
            return JSONNode(.object(JSONObject(object.members.map {
                JSONObject.Member(key: $0.key, keyLocation: location, value: relocated($0.value, location))
            })), at: location)
        default: return JSONNode(node.value, at: location)
        }
    }
}
