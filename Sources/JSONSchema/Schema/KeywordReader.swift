/// Reads the keywords of one schema object, checking each value's shape, in evaluation order.
struct KeywordReader {
    let compiler: SchemaCompiler
    let raw: RawSchema
    let object: JSONObject
    var keywords: [CompiledKeyword] = []

    init(compiler: SchemaCompiler, raw: RawSchema, object: JSONObject) {
        self.compiler = compiler
        self.raw = raw
        self.object = object
    }

    var isDraft7: Bool { raw.dialect == .draft7 }
    func uses(_ vocabulary: Vocabularies) -> Bool { isDraft7 || raw.vocabularies.contains(vocabulary) }

    func invalid(_ name: String, _ expectation: String) -> SchemaError {
        let node = object[name]!
        return SchemaError(message: "'\(name)' must be \(expectation), found \(ValueDescription.brief(node.value))",
                           location: node.location, schemaPointer: JSONPointer(raw.documentPointer + [name]))
    }

    mutating func add(_ name: String, _ kind: Keyword) {
        keywords.append(CompiledKeyword(name: name, kind: kind))
    }

    // MARK: value readers

    func count(_ name: String) throws(SchemaError) -> Int? {
        guard let node = object[name] else { return nil }
        switch node.value {
        case .integer(let value) where value >= 0: return Int(value)
        case .number(let number) where number.isIntegral && number.double >= 0: return Int(min(number.double, 1e15))
        default: throw invalid(name, "a non-negative integer")
        }
    }

    func number(_ name: String) throws(SchemaError) -> JSONValue? {
        guard let node = object[name] else { return nil }
        switch node.value {
        case .integer, .number: return node.value
        default: throw invalid(name, "a number")
        }
    }

    func schema(_ name: String) throws(SchemaError) -> Int? {
        guard let node = object[name] else { return nil }
        switch node.value {
        case .bool, .object: return compiler.node(for: try compiler.enter(raw, [name], node))
        default: throw invalid(name, "a schema (object or boolean)")
        }
    }

    func schemaArray(_ name: String) throws(SchemaError) -> [Int]? {
        guard let node = object[name] else { return nil }
        guard let elements = node.value.arrayValue, !elements.isEmpty else { throw invalid(name, "a non-empty array of schemas") }
        var result: [Int] = []
        for (index, element) in elements.enumerated() {
            switch element.value {
            case .bool, .object: result.append(compiler.node(for: try compiler.enter(raw, [name, String(index)], element)))
            default: throw invalid(name, "a non-empty array of schemas")
            }
        }
        return result
    }

    func schemaMap(_ name: String) throws(SchemaError) -> [(String, Int)]? {
        guard let node = object[name] else { return nil }
        guard let members = node.value.objectValue?.members else { throw invalid(name, "an object of schemas") }
        var result: [(String, Int)] = []
        for member in members {
            switch member.value.value {
            case .bool, .object: result.append((member.key, compiler.node(for: try compiler.enter(raw, [name, member.key], member.value))))
            default: throw invalid(name, "an object of schemas")
            }
        }
        return result
    }

    func stringArray(_ node: JSONNode, _ name: String) throws(SchemaError) -> [String] {
        guard let elements = node.value.arrayValue else { throw invalid(name, "an array of strings") }
        var result: [String] = []
        for element in elements {
            guard let text = element.value.stringValue else { throw invalid(name, "an array of strings") }
            result.append(text)
        }
        return result
    }

    func regex(_ pattern: String, _ name: String, _ node: JSONNode) throws(SchemaError) -> ECMARegex {
        do {
            return try ECMARegex(pattern)
        } catch {
            throw SchemaError(message: "'\(name)' has an invalid regular expression '\(pattern)': \(error.message)",
                              location: node.location, schemaPointer: JSONPointer(raw.documentPointer + [name]))
        }
    }

    func reference(_ name: String) throws(SchemaError) -> (Int, String)? {
        guard let node = object[name] else { return nil }
        guard let text = node.value.stringValue else { throw invalid(name, "a URI reference string") }
        let cacheKey = raw.base + "\u{0}" + text
        if let known = compiler.referenceTargets[cacheKey] { return (known, text) }
        let target = compiler.node(for: try compiler.resolve(text, from: raw, keyword: name))
        compiler.referenceTargets[cacheKey] = target
        return (target, text)
    }
}
