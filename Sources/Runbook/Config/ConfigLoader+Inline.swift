import JSONSchema

extension ConfigLoader {
    /// Loads a configuration given as text (tests): parses it, applies environment overrides and
    /// schema defaults, validates it unless `validate` is false, and registers the secrets.
    public func loadInline(
        document: String, isJSON: Bool, secrets: [String: String], validate: Bool,
        org: String, env: String, schemas: ConfigSchemaSet, registry: SecretRegistry
    ) throws(HelpfulError) -> LoadedConfiguration {
        try ConfigIdentifier.validate(org, role: "org")
        try ConfigIdentifier.validate(env, role: "env")
        let name = isJSON ? "inline-config.json" : "inline-config.yaml"
        var sources = ConfigSources()
        let source = sources.add(.file(name))
        let node = try reader.parse(Array(document.utf8), displayPath: name, source: source)
        let root: JSONNode
        var filled: [JSONPointer] = []
        if validate {
            (root, filled) = try resolve(node, schemas: schemas, sources: &sources, file: name)
        } else {
            let defaults = SourceLocation(source: sources.add(.schemaDefault), line: 0, column: 0)
            let overridden = try EnvironmentOverrides().apply(
                to: node, environment: environment, schema: schemas.main, sources: &sources)
            (root, filled) = schemas.main.applyingDefaults(to: overridden, location: defaults)
        }
        let store = try SecretsLoader().load(
            file: JSONNode(.object(JSONObject(secrets.sorted { $0.key < $1.key }.map {
                JSONObject.Member(key: $0.key, value: JSONNode(.string($0.value)))
            }))),
            displayPath: "inline secrets", environment: environment, registry: registry)
        return LoadedConfiguration(
            org: org, env: env, file: name, root: root, sources: sources, secrets: store, filledDefaults: filled)
    }
}
