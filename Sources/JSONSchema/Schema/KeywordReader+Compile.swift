/// The keyword table: which keywords exist in which dialect and vocabulary, in evaluation order.
extension KeywordReader {
    mutating func compileKeywords() throws(SchemaError) -> [CompiledKeyword] {
        if isDraft7, object["$ref"] != nil {
            if let (target, _) = try reference("$ref") { add("$ref", .ref(target)) }
            return keywords
        }
        if uses(.validation) { try compileValidation() }
        if uses(.formatAnnotation) || uses(.formatAssertion), let node = object["format"] {
            guard let name = node.value.stringValue else { throw invalid("format", "a string") }
            if compiler.options.assertFormats || (!isDraft7 && raw.vocabularies.contains(.formatAssertion)) {
                add("format", .format(name))
            }
        }
        if isDraft7, object["contentEncoding"] != nil || object["contentMediaType"] != nil {
            let encoding = object["contentEncoding"]?.value.stringValue
            let mediaType = object["contentMediaType"]?.value.stringValue
            add(encoding != nil ? "contentEncoding" : "contentMediaType", .content(encoding: encoding, mediaType: mediaType))
        }
        if let (target, _) = try reference("$ref") { add("$ref", .ref(target)) }
        if !isDraft7, let (target, text) = try reference("$dynamicRef") {
            add("$dynamicRef", .dynamicRef(target, anchor: dynamicAnchorName(text)))
        }
        if uses(.applicator) { try compileApplicators() }
        if !isDraft7, uses(.unevaluated) {
            if let target = try schema("unevaluatedItems") { add("unevaluatedItems", .unevaluatedItems(target)) }
            if let target = try schema("unevaluatedProperties") { add("unevaluatedProperties", .unevaluatedProperties(target)) }
        }
        combineObjectKeywords()
        return keywords
    }

    /// Replaces `properties`/`patternProperties`/`additionalProperties`/`required` by one `objectShape`.
    /// Without `properties`, `patternProperties` and `additionalProperties` are combined over an empty table.
    private mutating func combineObjectKeywords() {
        let propertiesAt: Int
        let table: PropertyTable
        if let found = keywords.firstIndex(where: { if case .properties = $0.kind { true } else { false } }) {
            guard case .properties(let declared) = keywords[found].kind, declared.names.count <= 64 else { return }
            (propertiesAt, table) = (found, declared)
        } else {
            let applies = keywords.firstIndex {
                switch $0.kind {
                case .patternProperties, .additionalProperties: true
                default: false
                }
            }
            guard let applies else { return }
            (propertiesAt, table) = (applies, PropertyTable([]))
        }
        var patterns: [(ECMARegex, Int)] = []
        var additional: Int?
        var requiredNames: [String] = []
        keywords.removeAll { keyword in
            switch keyword.kind {
            case .patternProperties(let entries): patterns = entries
            case .additionalProperties(let target, _, _): additional = target
            case .required(let names): requiredNames = names
            case .properties: break
            default: return false
            }
            return true
        }
        var mask: UInt64 = 0
        let required = requiredNames.map { name -> (String, Int) in
            let slot = table.slot(for: name) ?? -1
            if slot >= 0 { mask |= 1 << UInt64(slot) }
            return (name, slot)
        }
        let shape = ObjectShape(table: table, patterns: patterns, additional: additional, required: required,
                                requiredMask: mask, hasUnslottedRequired: required.contains { $0.1 < 0 })
        keywords.insert(CompiledKeyword(name: "properties", kind: .objectShape(shape)), at: min(propertiesAt, keywords.count))
    }

    /// The anchor a `$dynamicRef` looks up dynamically: its fragment, when the statically resolved
    /// resource declares a `$dynamicAnchor` of that name.
    private func dynamicAnchorName(_ reference: String) -> String? {
        let target = URIReference(raw.base).resolving(reference)
        guard let fragment = target.fragment, !fragment.isEmpty, !fragment.hasPrefix("/") else { return nil }
        return compiler.dynamicAnchors[target.withoutFragment]?[fragment] != nil ? fragment : nil
    }

    private mutating func compileValidation() throws(SchemaError) {
        if let node = object["type"] {
            var mask: TypeMask = []
            let names = node.value.stringValue.map { [$0] } ?? (try? stringArray(node, "type"))
            guard let names else { throw invalid("type", "a type name or an array of type names") }
            for name in names {
                guard let bit = TypeMask.names.first(where: { $0.0 == name })?.1 else {
                    throw invalid("type", "a type name or an array of type names")
                }
                mask.insert(bit)
            }
            add("type", .type(mask))
        }
        if let node = object["const"] { add("const", .const(node.value)) }
        if let node = object["enum"] {
            guard let elements = node.value.arrayValue else { throw invalid("enum", "an array") }
            let values = elements.map(\.value)
            let strings = values.allSatisfy({ $0.stringValue != nil }) ? values.compactMap(\.stringValue) : nil
            add("enum", .enumeration(values, strings: strings, set: (strings?.count ?? 0) > 12 ? Set(strings!) : nil))
        }
        for name in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] {
            guard let bound = try number(name) else { continue }
            switch name {
            case "minimum": add(name, .minimum(bound))
            case "maximum": add(name, .maximum(bound))
            case "exclusiveMinimum": add(name, .exclusiveMinimum(bound))
            case "exclusiveMaximum": add(name, .exclusiveMaximum(bound))
            default:
                let exact = ExactDecimal(bound)
                guard !exact.negative, !exact.isZero else { throw invalid(name, "a number greater than 0") }
                add(name, .multipleOf(bound))
            }
        }
        if let value = try count("minLength") { add("minLength", .minLength(value)) }
        if let value = try count("maxLength") { add("maxLength", .maxLength(value)) }
        if let node = object["pattern"] {
            guard let text = node.value.stringValue else { throw invalid("pattern", "a regular expression string") }
            add("pattern", .pattern(try regex(text, "pattern", node), text))
        }
        if let value = try count("minItems") { add("minItems", .minItems(value)) }
        if let value = try count("maxItems") { add("maxItems", .maxItems(value)) }
        if let node = object["uniqueItems"] {
            guard case .bool(let unique) = node.value else { throw invalid("uniqueItems", "a boolean") }
            if unique { add("uniqueItems", .uniqueItems) }
        }
        if let value = try count("minProperties") { add("minProperties", .minProperties(value)) }
        if let value = try count("maxProperties") { add("maxProperties", .maxProperties(value)) }
        if let node = object["required"] { add("required", .required(try stringArray(node, "required"))) }
        if !isDraft7, let node = object["dependentRequired"] {
            guard let members = node.value.objectValue?.members else { throw invalid("dependentRequired", "an object of string arrays") }
            var entries: [(String, [String])] = []
            for member in members { entries.append((member.key, try stringArray(member.value, "dependentRequired"))) }
            add("dependentRequired", .dependentRequired(entries))
        }
    }

    private mutating func compileApplicators() throws(SchemaError) {
        var propertyEntries: [(String, Int)] = []
        if let entries = try schemaMap("properties") {
            propertyEntries = entries
            add("properties", .properties(PropertyTable(entries)))
        }
        var patterns: [ECMARegex] = []
        if let entries = try schemaMap("patternProperties") {
            var compiled: [(ECMARegex, Int)] = []
            for (pattern, target) in entries {
                let regex = try regex(pattern, "patternProperties", object["patternProperties"]!)
                compiled.append((regex, target))
                patterns.append(regex)
            }
            add("patternProperties", .patternProperties(compiled))
        }
        if let target = try schema("additionalProperties") {
            add("additionalProperties", .additionalProperties(target, names: PropertyTable(propertyEntries), patterns: patterns))
        }
        if let target = try schema("propertyNames") { add("propertyNames", .propertyNames(target)) }
        if isDraft7 || raw.vocabularies.contains(.legacyItems) {
            if !isDraft7, let entries = try schemaMap("dependentSchemas") { add("dependentSchemas", .dependentSchemas(entries)) }
            try compileDraft7Items()
        } else {
            if object["dependencies"] != nil { try compileDependencies() }
            if let entries = try schemaMap("dependentSchemas") { add("dependentSchemas", .dependentSchemas(entries)) }
            let prefix = try schemaArray("prefixItems")
            if let prefix { add("prefixItems", .prefixItems(prefix)) }
            if let target = try schema("items") { add("items", .items(target, from: prefix?.count ?? 0)) }
            if let target = try schema("contains") {
                let minimum = try count("minContains") ?? 1
                add("contains", .contains(target, min: minimum, max: try count("maxContains")))
            }
        }
        if let target = try schema("if") {
            add("if", .conditional(if: target, then: try schema("then"), else: try schema("else")))
        }
        if let targets = try schemaArray("allOf") { add("allOf", .allOf(targets)) }
        if let targets = try schemaArray("anyOf") { add("anyOf", .anyOf(targets)) }
        if let targets = try schemaArray("oneOf") { add("oneOf", .oneOf(targets)) }
        if let target = try schema("not") { add("not", .not(target)) }
    }

    private mutating func compileDraft7Items() throws(SchemaError) {
        if let node = object["items"] {
            if node.value.arrayValue != nil {
                let prefix = try schemaArray("items") ?? []
                add("items", .prefixItems(prefix))
                if let target = try schema("additionalItems") { add("additionalItems", .items(target, from: prefix.count)) }
            } else if let target = try schema("items") {
                add("items", .items(target, from: 0))
            }
        }
        if let target = try schema("contains") { add("contains", .contains(target, min: 1, max: nil)) }
        if object["dependencies"] != nil { try compileDependencies() }
    }

    private mutating func compileDependencies() throws(SchemaError) {
        if let node = object["dependencies"] {
            guard let members = node.value.objectValue?.members else { throw invalid("dependencies", "an object") }
            var required: [(String, [String])] = []
            var schemas: [(String, Int)] = []
            for member in members {
                if member.value.value.arrayValue != nil {
                    required.append((member.key, try stringArray(member.value, "dependencies")))
                } else {
                    let child = try compiler.enter(raw, ["dependencies", member.key], member.value)
                    schemas.append((member.key, compiler.node(for: child)))
                }
            }
            if !required.isEmpty { add("dependencies", .dependentRequired(required)) }
            if !schemas.isEmpty { add("dependencies", .dependentSchemas(schemas)) }
        }
    }
}
