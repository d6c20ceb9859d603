public import Foundation
public import JSONSchema

/// The compiled schemas a run validates against: the project's `schemas/org-env-config.schema.json`
/// and, when the script declares one, the script's own fragment for `scripts.<name>`.
public struct ConfigSchemaSet: Sendable {
    /// The schema file, relative to the project root.
    public static let mainSchemaPath = "schemas/org-env-config.schema.json"

    /// The main schema.
    public let main: CompiledSchema
    /// The script's fragment and its script name, if any.
    public let script: (name: String, schema: CompiledSchema)?

    /// Compiles the main schema from `projectRoot` and the optional script fragment (JSON text).
    public init(projectRoot: URL, scriptName: String? = nil, scriptFragment: String? = nil) throws(HelpfulError) {
        let path = Self.mainSchemaPath
        let url = projectRoot.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw HelpfulError(
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
        if let scriptName, let scriptFragment {
            let display = "schema fragment of script \(scriptName)"
            let fragment = try ConfigDocumentReader().parse(Array(scriptFragment.utf8), displayPath: "\(display).json", source: 0)
            self.script = (scriptName, try Self.compile(fragment, displayPath: display))
        } else {
            self.script = nil
        }
    }

    /// Creates a set from schema documents (compiled here).
    public init(mainSchema: JSONNode, script: (name: String, schema: JSONNode)? = nil) throws(HelpfulError) {
        self.main = try Self.compile(mainSchema, displayPath: "main schema")
        if let script {
            self.script = (script.name, try Self.compile(script.schema, displayPath: "schema fragment of \(script.name)"))
        } else {
            self.script = nil
        }
    }

    /// Compiles a schema, turning schema errors into a `HelpfulError` at the schema's line.
    public static func compile(_ node: JSONNode, displayPath: String) throws(HelpfulError) -> CompiledSchema {
        do {
            return try CompiledSchema(node, options: ValidationOptions(assertFormats: true))
        } catch {
            throw HelpfulError(
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
