/// Scanning documents for resources and anchors, entering subschemas, resolving references.
extension SchemaCompiler {
    /// Keywords whose value is one subschema, by dialect.
    static func singleSchemaKeywords(_ dialect: Dialect) -> [String] {
        switch dialect {
        case .draft2020_12:
            ["additionalProperties", "items", "contains", "propertyNames", "not", "if", "then", "else",
             "unevaluatedProperties", "unevaluatedItems", "contentSchema"]
        case .draft7:
            ["additionalProperties", "additionalItems", "items", "contains", "propertyNames", "not", "if", "then", "else"]
        }
    }

    static func schemaArrayKeywords(_ dialect: Dialect) -> [String] {
        switch dialect {
        case .draft2020_12: ["allOf", "anyOf", "oneOf", "prefixItems"]
        case .draft7: ["allOf", "anyOf", "oneOf", "items"]
        }
    }

    static func schemaMapKeywords(_ dialect: Dialect) -> [String] {
        switch dialect {
        case .draft2020_12: ["properties", "patternProperties", "$defs", "dependentSchemas", "definitions", "dependencies"]
        case .draft7: ["properties", "patternProperties", "definitions", "dependencies"]
        }
    }

    /// The subschema at `tokens` below `parent`, with its base URI, dialect and vocabularies adjusted for
    /// `$schema` and `$id`.
    func enter(_ parent: RawSchema, _ tokens: [String], _ child: JSONNode) throws(SchemaError) -> RawSchema {
        guard parent.documentPointer.count < Self.maxSchemaDepth else {
            throw SchemaError(message: "schema nested deeper than \(Self.maxSchemaDepth) levels", location: child.location,
                              schemaPointer: JSONPointer(parent.documentPointer + tokens))
        }
        var raw = parent
        raw.node = child
        raw.documentPointer += tokens
        raw.resourcePointer += tokens
        try adjust(&raw)
        return raw
    }

    /// Applies `$schema` and `$id` of `raw.node` to its context.
    func adjust(_ raw: inout RawSchema) throws(SchemaError) {
        guard let object = raw.node.value.objectValue else { return }
        if let schemaURI = object["$schema"]?.value.stringValue {
            if let dialect = Dialect.named(by: schemaURI) {
                raw.dialect = dialect
                raw.vocabularies = schemaURI.contains("2019-09") ? Vocabularies.standard.union(.legacyItems) : .standard
            } else if let (dialect, vocabularies) = try metaSchemaDialect(schemaURI, at: object["$schema"]!, raw: raw) {
                raw.dialect = dialect
                raw.vocabularies = vocabularies
            }
        }
        guard let id = object["$id"]?.value.stringValue else { return }
        if raw.dialect == .draft7 && (object["$ref"] != nil || id.hasPrefix("#")) { return }
        let resolved = URIReference(raw.base).resolving(id)
        raw.base = resolved.withoutFragment
        raw.resourcePointer = []
    }

    /// The dialect and vocabularies a custom meta-schema declares.
    private func metaSchemaDialect(_ uri: String, at node: JSONNode, raw: RawSchema) throws(SchemaError) -> (Dialect, Vocabularies)? {
        let absolute = URIReference(raw.base).resolving(uri).withoutFragment
        guard let meta = try registry.document(for: absolute), let metaObject = meta.value.objectValue else { return nil }
        let dialect = metaObject["$schema"]?.value.stringValue.flatMap(Dialect.named(by:)) ?? raw.dialect
        guard let declared = metaObject["$vocabulary"]?.value.objectValue else { return (dialect, .standard) }
        var vocabularies: Vocabularies = []
        for member in declared.members {
            if let known = Vocabularies.byURI[member.key] {
                vocabularies.insert(known)
            } else if case .bool(true) = member.value.value {
                throw SchemaError(message: "meta-schema '\(uri)' requires the unknown vocabulary '\(member.key)'",
                                  location: node.location, schemaPointer: JSONPointer(raw.documentPointer + ["$schema"]))
            }
        }
        return (dialect, vocabularies.union(.core))
    }

    /// Records every resource and anchor in a document (iteratively: any depth is fine).
    func scan(_ root: RawSchema) throws(SchemaError) {
        var work = [root]
        while let raw = work.popLast() {
            guard let object = raw.node.value.objectValue else { continue }
            if raw.resourcePointer.isEmpty, resourceRoots[raw.base] == nil { resourceRoots[raw.base] = raw }
            if raw.dialect == .draft7, object["$ref"] == nil, let id = object["$id"]?.value.stringValue,
               let fragment = URIReference(id).fragment, !fragment.isEmpty, !fragment.hasPrefix("/") {
                anchors[raw.base + "#" + fragment] = raw
            }
            if raw.dialect == .draft2020_12 {
                if let anchor = object["$anchor"]?.value.stringValue { anchors[raw.base + "#" + anchor] = raw }
                if let anchor = object["$dynamicAnchor"]?.value.stringValue {
                    anchors[raw.base + "#" + anchor] = raw
                    dynamicAnchors[raw.base, default: [:]][anchor] = raw
                }
            }
            for name in Self.singleSchemaKeywords(raw.dialect) {
                if let child = object[name], child.value.objectValue != nil {
                    work.append(try enter(raw, [name], child))
                }
            }
            for name in Self.schemaArrayKeywords(raw.dialect) {
                guard let elements = object[name]?.value.arrayValue else { continue }
                for (index, child) in elements.enumerated() where child.value.objectValue != nil {
                    work.append(try enter(raw, [name, String(index)], child))
                }
            }
            for name in Self.schemaMapKeywords(raw.dialect) {
                guard let members = object[name]?.value.objectValue?.members else { continue }
                for member in members where member.value.value.objectValue != nil {
                    work.append(try enter(raw, [name, member.key], member.value))
                }
            }
        }
    }

    /// Makes sure the document at `uri` (absolute, no fragment) has been scanned.
    func ensureScanned(_ uri: String, dialect: Dialect) throws(SchemaError) {
        guard resourceRoots[uri] == nil, !scannedDocuments.contains(uri) else { return }
        scannedDocuments.insert(uri)
        guard let document = try registry.document(for: uri) else { return }
        var root = RawSchema(node: document, base: uri, dialect: dialect, vocabularies: .standard,
                             documentPointer: [], resourcePointer: [])
        try adjust(&root)
        try scan(root)
        resourceRoots[uri] = resourceRoots[uri] ?? root
    }

    /// A base URI parsed once per compilation (every reference of a resource resolves against it).
    func parsedBase(_ base: String) -> (parsed: URIReference, withoutFragment: String) {
        if let known = parsedBases[base] { return known }
        let parsed = URIReference(base)
        let entry = (parsed, parsed.withoutFragment)
        parsedBases[base] = entry
        return entry
    }

    /// The subschema a `$ref`/`$dynamicRef` value names, relative to `raw`.
    func resolve(_ reference: String, from raw: RawSchema, keyword: String) throws(SchemaError) -> RawSchema {
        let uri: String
        let rawFragment: String?
        let base = parsedBase(raw.base)
        if reference.hasPrefix("#") {
            (uri, rawFragment) = (base.withoutFragment, String(reference.dropFirst()))
        } else {
            let target = base.parsed.resolving(reference)
            (uri, rawFragment) = (target.withoutFragment, target.fragment)
        }
        let fragment = (rawFragment ?? "").removingPercentEncoding()
        try ensureScanned(uri, dialect: raw.dialect)
        let failure = SchemaError(message: "cannot resolve \(keyword) '\(reference)'",
                                  location: raw.node.value.objectValue?[keyword]?.location ?? raw.node.location,
                                  schemaPointer: JSONPointer(raw.documentPointer + [keyword]))
        if fragment.isEmpty {
            guard let root = resourceRoots[uri] else { throw failure }
            return root
        }
        if !fragment.hasPrefix("/") {
            guard let anchored = anchors[uri + "#" + fragment] else { throw failure }
            return anchored
        }
        guard var current = resourceRoots[uri], let pointer = JSONPointer(parsing: fragment) else { throw failure }
        for token in pointer.tokens {
            switch current.node.value {
            case .object(let object):
                guard let next = object[token] else { throw failure }
                current = try enter(current, [token], next)
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { throw failure }
                current = try enter(current, [token], elements[index])
            default:
                throw failure
            }
        }
        return current
    }
}

extension String {
    /// Decodes `%XX` escapes (invalid escapes are kept as written).
    func removingPercentEncoding() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        let utf8 = Array(self.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
