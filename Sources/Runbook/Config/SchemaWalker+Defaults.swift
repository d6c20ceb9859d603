public import JSONSchema

extension SchemaWalker {
    /// The instance with every absent property that has a schema `default` filled in, recursively
    /// (an inserted default is itself descended into, so `default: {}` sections get their keys'
    /// defaults). Inserted values carry `location`; returns the pointers that were filled.
    public func applyingDefaults(to instance: JSONNode, location: SourceLocation) -> (JSONNode, [JSONPointer]) {
        var filled: [JSONPointer] = []
        let result = fill(instance, schemas: expand(root), path: [], location: location, filled: &filled, depth: 0)
        return (result, filled)
    }

    private func fill(
        _ node: JSONNode, schemas: [JSONNode], path: [String], location: SourceLocation,
        filled: inout [JSONPointer], depth: Int
    ) -> JSONNode {
        guard depth < 64, !schemas.isEmpty else { return node }
        switch node.value {
        case .object(var object):
            for schema in schemas {
                for property in schema.value.objectValue?["properties"]?.value.objectValue?.members ?? [] {
                    guard object[property.key] == nil,
                        let value = expand(property.value).lazy.compactMap({ $0.value.objectValue?["default"] }).first
                    else { continue }
                    object[property.key] = Self.relocated(value, to: location)
                    filled.append(JSONPointer(path + [property.key]))
                }
            }
            for index in object.members.indices {
                let key = object.members[index].key
                let childSchemas = schemas.compactMap { child($0, key) }.flatMap(expand)
                object.members[index].value = fill(
                    object.members[index].value, schemas: childSchemas, path: path + [key], location: location,
                    filled: &filled, depth: depth + 1)
            }
            return JSONNode(.object(object), at: node.location)
        case .array(var elements):
            for index in elements.indices {
                let childSchemas = schemas.compactMap { child($0, String(index)) }.flatMap(expand)
                elements[index] = fill(
                    elements[index], schemas: childSchemas, path: path + [String(index)], location: location,
                    filled: &filled, depth: depth + 1)
            }
            return JSONNode(.array(elements), at: node.location)
        default:
            return node
        }
    }

    /// A copy of a default value whose every node carries `location` (so its origin reads "schema default").
    static func relocated(_ node: JSONNode, to location: SourceLocation) -> JSONNode {
        switch node.value {
        case .array(let elements):
            return JSONNode(.array(elements.map { relocated($0, to: location) }), at: location)
        case .object(let object):
            return JSONNode(
                .object(JSONObject(object.members.map {
                    JSONObject.Member(key: $0.key, keyLocation: location, value: relocated($0.value, to: location))
                })), at: location)
        default:
            return JSONNode(node.value, at: location)
        }
    }
}
