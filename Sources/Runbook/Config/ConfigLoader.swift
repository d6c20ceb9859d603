public import Foundation
public import JSONSchema

/// Loads an org/env configuration, steps 2–6 of a run:
/// 1. org and env are checked as identifiers before they touch a path;
/// 2. the layers are found: `config/defaults.*` and `config/{org}-config.*` (both optional), then
///    `config/{org}-{env}-config.{yaml,yml,json}` (exactly one), and the optional secrets file;
/// 3. each is parsed into the located tree (its own duplicate-key and depth limits), and the layers
///    are merged as mappings, lowest first (`ConfigLayer`): every value keeps its file:line:column;
/// 4. `RUNBOOK__SECTION__KEY` overrides are applied, typed by the schema;
/// 5. schema defaults are filled in;
/// 6. the whole tree is validated (plus the script's fragment) and every violation reported at once.
///
/// ```swift
/// let loader = ConfigLoader(projectRoot: root, environment: ProcessInfo.processInfo.environment)
/// let config = try loader.load(org: "acme", env: "prod", registry: secretRegistry)
/// let retries = try config.proxy.require(Int.self, "script-behavior", "retry-strategy", "max-retries")
/// ```
/// Every failure is a `HelpfulError` with exit code 78.
public struct ConfigLoader: Sendable {
    /// The project root (holds `config/` and `schemas/`).
    public let projectRoot: URL
    /// The process environment (overrides and secret variables are read from it).
    public let environment: [String: String]
    /// The document reader (YAML/JSON limits).
    public var reader = ConfigDocumentReader()

    /// Creates a loader.
    public init(projectRoot: URL, environment: [String: String]) {
        self.projectRoot = projectRoot
        self.environment = environment
    }

    /// Loads, overrides, fills defaults, validates, and loads secrets.
    public func load(
        org: String, env: String, schemas: ConfigSchemaSet? = nil, registry: SecretRegistry
    ) throws(HelpfulError) -> LoadedConfiguration {
        try ConfigIdentifier.validate(org, role: "org")
        try ConfigIdentifier.validate(env, role: "env")
        let schemas: ConfigSchemaSet = if let schemas { schemas } else { try ConfigSchemaSet(projectRoot: projectRoot) }
        let discovery = ConfigFileDiscovery(projectRoot: projectRoot)
        let layers = try discovery.layerFiles(org: org, env: env)
        let configFile = layers[layers.count - 1].file
        let secretsFile = try discovery.secretsFile(org: org, env: env)

        var sources = ConfigSources()
        var document: JSONNode?
        for (layer, file) in layers {
            let source = sources.add(file: file.displayPath, layer: layer)
            let node = try reader.read(file.url, displayPath: file.displayPath, source: source)
            try Self.requireMapping(node, file: file.displayPath, sources: sources)
            document = document.map { ConfigLayer.merge($0, node) } ?? node
        }
        var warnings: [String] = []
        var secretsNode: JSONNode?
        if let secretsFile {
            let source = sources.add(.file(secretsFile.displayPath))
            secretsNode = try reader.read(
                secretsFile.url, displayPath: secretsFile.displayPath, source: source, disclosure: .positionOnly)
            if let warning = SecretFileSources.permissionWarning(secretsFile.url, shown: secretsFile.displayPath) {
                warnings.append(warning)
            }
        }
        let secrets = try SecretsLoader().load(
            file: secretsNode, displayPath: secretsFile?.displayPath, environment: environment, registry: registry,
            fileSources: SecretFileSources(projectRoot: projectRoot, org: org, env: env), warnings: &warnings)
        warnings = warnings.reduce(into: []) { unique, warning in if !unique.contains(warning) { unique.append(warning) } }
        let files = layers.map(\.file.displayPath)
        let subject = files.count == 1
            ? configFile.displayPath
            : "\(configFile.displayPath) (merged with \(files.dropLast().joined(separator: ", ")))"
        let (root, filled) = try resolve(document ?? JSONNode(.object(JSONObject())), schemas: schemas, sources: &sources, file: subject)
        return LoadedConfiguration(
            org: org, env: env, file: configFile.displayPath, root: root, sources: sources,
            secrets: secrets, filledDefaults: filled, layerFiles: files, warnings: warnings)
    }

    /// Steps 4–6 on an already parsed document: overrides, defaults, validation.
    public func resolve(
        _ document: JSONNode, schemas: ConfigSchemaSet, sources: inout ConfigSources, file: String
    ) throws(HelpfulError) -> (JSONNode, [JSONPointer]) {
        try Self.requireMapping(document, file: file, sources: sources)
        let overridden = try EnvironmentOverrides().apply(
            to: document, environment: environment, schema: schemas.main, sources: &sources)
        let defaultsLocation = SourceLocation(source: sources.add(.schemaDefault), line: 0, column: 0)
        var (root, filled) = schemas.main.applyingDefaults(to: overridden, location: defaultsLocation)
        var violations = schemas.main.validate(root).violations
        for script in schemas.fragments {
            let prefix = ["scripts", script.name]
            let section = root.node(at: prefix) ?? JSONNode(.object(JSONObject()), at: defaultsLocation)
            let (filledSection, sectionFilled) = script.schema.applyingDefaults(to: section, location: defaultsLocation)
            root = Self.replacing(at: prefix[...], in: root, with: filledSection, location: defaultsLocation)
            filled += sectionFilled.map { JSONPointer(prefix + $0.tokens) }
            violations += script.schema.validate(filledSection).violations.map { violation in
                var moved = violation
                moved.instanceLocation = JSONPointer(prefix + violation.instanceLocation.tokens)
                return moved
            }
        }
        guard violations.isEmpty else {
            throw ConfigValidationFailure(file: file, root: root, sources: sources, violations: violations).helpfulError
        }
        return (root, filled)
    }

    /// A configuration document (each layer, and the merged one) is a mapping of sections.
    static func requireMapping(_ document: JSONNode, file: String, sources: ConfigSources) throws(HelpfulError) {
        guard case .object = document.value else {
            throw HelpfulError(
                code: .configNotMapping,
                problem: "\(file) must be a mapping of sections, found \(document.value.typeName)",
                solution: "Start the document with the 'global' and 'script-behavior' sections",
                example: "global:\n  api-base-url: https://api.example.com/\nscript-behavior: {}",
                location: sources.errorLocation(of: document.location, keyPath: nil),
                exitCode: .configuration
            )
        }
    }

    static func replacing(
        at tokens: ArraySlice<String>, in node: JSONNode, with value: JSONNode, location: SourceLocation
    ) -> JSONNode {
        guard let key = tokens.first else { return value }
        var object = node.value.objectValue ?? JSONObject()
        let child = object[key] ?? JSONNode(.object(JSONObject()), at: location)
        object[key] = replacing(at: tokens.dropFirst(), in: child, with: value, location: location)
        return JSONNode(.object(object), at: node.location)
    }
}
