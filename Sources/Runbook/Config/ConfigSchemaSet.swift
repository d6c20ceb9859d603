public import Foundation
public import JSONSchema

/// The compiled schemas a configuration is validated against: the project's
/// `schemas/org-env-config.schema.json` and each script's own fragment for `scripts.<name>`.
/// A run uses its own script's fragment; `runbook validate` and `runbook config` use the fragments of
/// every script the executable knows, so they check what any `runbook run` would.
public struct ConfigSchemaSet: Sendable {
    /// The schema file, relative to the project root.
    public static let mainSchemaPath = "schemas/org-env-config.schema.json"

    /// One script's fragment.
    public struct Fragment: Sendable {
        /// The script's name (the fragment applies to `scripts.<name>`).
        public let name: String
        /// The compiled fragment.
        public let schema: CompiledSchema
        /// The fragment's document (for `runbook config --explain`).
        public let document: JSONNode
    }

    /// The main schema.
    public let main: CompiledSchema
    /// The scripts' fragments, in script-name order.
    public let fragments: [Fragment]

    /// The first fragment and its script name, if any (a run has at most one).
    public var script: (name: String, schema: CompiledSchema)? {
        fragments.first.map { ($0.name, $0.schema) }
    }

    /// Compiles the main schema from `projectRoot` and the optional script fragment (JSON text).
    public init(projectRoot: URL, scriptName: String? = nil, scriptFragment: String? = nil) throws(HelpfulError) {
        var fragments: [(name: String, text: String)] = []
        if let scriptName, let scriptFragment { fragments.append((scriptName, scriptFragment)) }
        try self.init(projectRoot: projectRoot, fragments: fragments)
    }

    /// Compiles the main schema from `projectRoot` and the fragment of every script that declares one.
    public init(projectRoot: URL, scripts: [any Script.Type]) throws(HelpfulError) {
        try self.init(projectRoot: projectRoot, fragments: scripts.compactMap { script in
            script.configSchema.map { (script.name, $0) }
        })
    }

    /// Compiles the main schema from `projectRoot` and script fragments given as JSON text.
    public init(projectRoot: URL, fragments: [(name: String, text: String)]) throws(HelpfulError) {
        let path = Self.mainSchemaPath
        let url = projectRoot.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw HelpfulError(
                code: .schemaMissing,
                problem: "The configuration schema \(path) is missing",
                solution: "Run from the project root (the folder with config/ and schemas/), or set RUNBOOK_PROJECT_ROOT; "
                    + "restore the schema from git if it was deleted",
                example: "git checkout -- \(path)",
                location: .file(path),
                exitCode: .configuration
            )
        }
        let node = try ConfigDocumentReader().read(url, displayPath: path, source: 0)
        self.main = try Self.compile(node, displayPath: path)
        var compiled: [Fragment] = []
        for (name, text) in fragments.sorted(by: { $0.name < $1.name }) where !compiled.contains(where: { $0.name == name }) {
            let display = "schema fragment of script \(name)"
            let fragment = try ConfigDocumentReader().parse(Array(text.utf8), displayPath: "\(display).json", source: 0)
            compiled.append(Fragment(name: name, schema: try Self.compile(fragment, displayPath: display), document: fragment))
        }
        self.fragments = compiled
    }

    /// Creates a set from schema documents (compiled here).
    public init(mainSchema: JSONNode, script: (name: String, schema: JSONNode)? = nil) throws(HelpfulError) {
        self.main = try Self.compile(mainSchema, displayPath: "main schema")
        if let script {
            let compiled = try Self.compile(script.schema, displayPath: "schema fragment of \(script.name)")
            self.fragments = [Fragment(name: script.name, schema: compiled, document: script.schema)]
        } else {
            self.fragments = []
        }
    }

    /// Compiles a schema, turning schema errors into a `HelpfulError` at the schema's line.
    public static func compile(_ node: JSONNode, displayPath: String) throws(HelpfulError) -> CompiledSchema {
        do {
            return try CompiledSchema(node, options: ValidationOptions(assertFormats: true))
        } catch {
            throw HelpfulError(
                code: .schemaInvalid,
                problem: "The schema \(displayPath) is invalid: \(error.message)",
                solution: "Fix the schema at the position shown (it must be a valid JSON Schema, draft 2020-12)",
                example: "runbook validate --schema https://json-schema.org/draft/2020-12/schema \(displayPath)",
                location: .file(
                    displayPath, line: error.location.line > 0 ? Int(error.location.line) : nil,
                    column: error.location.column > 0 ? Int(error.location.column) : nil),
                exitCode: .configuration
            )
        }
    }
}
