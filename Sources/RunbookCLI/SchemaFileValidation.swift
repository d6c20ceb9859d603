import Foundation
import JSONSchema
import Runbook

/// `runbook validate --schema S FILE...`: every violation of every file, compiler-style
/// (`file:line:column: error: /pointer: message [keyword]`) or as JSON.
struct SchemaFileValidation {
    let environment: CLIEnvironment
    let root: URL
    let json: Bool
    let draft: DraftOption
    let formats: FormatsOption
    let registry: [String]

    /// Returns 0 when every file is valid, 1 when any is invalid, 78 when the schema or a file cannot be used.
    func run(schema schemaPath: String, files: [String]) -> Int32 {
        let renderer = environment.errorRenderer(json: json)
        let compiled: CompiledSchema
        do {
            compiled = try compileSchema(schemaPath)
        } catch {
            environment.writeError(renderer.render(error))
            return Runbook.ExitCode.configuration.rawValue
        }
        var sources = ConfigSources()
        var reports: [String] = []
        var anyInvalid = false
        var anyUnusable = false
        for file in files {
            let source = sources.add(.file(file))
            let node: JSONNode
            do {
                node = try ConfigDocumentReader().read(url(file), displayPath: file, source: source, role: .data)
            } catch {
                environment.writeError(renderer.render(error))
                anyUnusable = true
                continue
            }
            let result = compiled.validate(node)
            if let loop = result.referenceLoop {
                environment.writeError(renderer.render(referenceLoopError(loop, schema: schemaPath, file: file)))
                anyUnusable = true
                continue
            }
            let violations = result.violations
            anyInvalid = anyInvalid || !violations.isEmpty
            if json {
                reports.append(jsonReport(file: file, violations: violations, sources: sources))
            } else if violations.isEmpty {
                environment.writeOut("\(file): valid\n")
            } else {
                for violation in violations {
                    let origin = sources.origin(of: violation.sourceLocation)
                    let pointer = violation.instanceLocation.description.isEmpty ? "/" : violation.instanceLocation.description
                    environment.writeOut("\(origin): error: \(pointer): \(violation.message) [\(violation.keyword)]\n")
                }
            }
        }
        if json { environment.writeOut("{\"files\":[" + reports.joined(separator: ",") + "]}\n") }
        if anyUnusable { return Runbook.ExitCode.configuration.rawValue }
        return anyInvalid ? 1 : 0
    }

    private func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: environment.currentDirectory)
    }

    private func compileSchema(_ path: String) throws(HelpfulError) -> CompiledSchema {
        let node = try ConfigDocumentReader().read(url(path), displayPath: path, source: 0)
        var schemaRegistry = SchemaRegistry()
        for entry in registry {
            guard let equals = entry.firstIndex(of: "=") else {
                throw HelpfulError(
                    code: .usageRegistryOption,
                    problem: "--registry '\(entry)' is not URI-PREFIX=DIR",
                    solution: "Give the URI prefix that references use and the folder that holds those files",
                    example: "--registry https://schemas.example.com/=schemas/shared",
                    exitCode: .usage)
            }
            let directory = URL(fileURLWithPath: String(entry[entry.index(after: equals)...]), relativeTo: environment.currentDirectory)
            schemaRegistry.addDirectory(prefix: String(entry[..<equals]), directory: directory.path)
        }
        let options = ValidationOptions(
            defaultDialect: draft == .draft7 ? .draft7 : .draft2020_12, assertFormats: formats == .assert)
        do {
            return try CompiledSchema(node, registry: schemaRegistry, options: options)
        } catch {
            throw HelpfulError(
                code: .schemaInvalid,
                problem: "The schema \(path) is invalid: \(error.message)",
                solution: "Fix the schema at the position shown",
                location: .file(
                    path, line: error.location.line > 0 ? Int(error.location.line) : nil,
                    column: error.location.column > 0 ? Int(error.location.column) : nil),
                exitCode: .configuration)
        }
    }

    /// A schema that evaluates itself again at the same place cannot decide the file: exit 78.
    private func referenceLoopError(_ loop: Violation, schema: String, file: String) -> HelpfulError {
        let instance = loop.instanceLocation.description.isEmpty ? "/" : loop.instanceLocation.description
        return HelpfulError(
            code: .schemaInfinitelyRecursive,
            problem: "The schema \(schema) is infinitely recursive: at \(loop.keywordLocation) it refers to itself "
                + "without moving into the value (checking \(file) at \(instance))",
            solution: "Make every path from a schema back to itself go through a keyword that moves into the value "
                + "(properties, items, ...), not only through $ref, allOf, anyOf or similar",
            example: "{\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}",
            location: .file(schema),
            exitCode: .configuration)
    }

    private func jsonReport(file: String, violations: [Violation], sources: ConfigSources) -> String {
        let items = violations.map { violation in
            "{\"instanceLocation\":\(jsonString(violation.instanceLocation.description)),"
                + "\"keywordLocation\":\(jsonString(violation.keywordLocation.description)),"
                + "\"keyword\":\(jsonString(violation.keyword)),\"message\":\(jsonString(violation.message)),"
                + "\"line\":\(violation.sourceLocation.line),\"column\":\(violation.sourceLocation.column)}"
        }
        return "{\"file\":\(jsonString(file)),\"valid\":\(violations.isEmpty),\"violations\":[" + items.joined(separator: ",") + "]}"
    }
}
