public import Foundation
import JSONSchema

/// Reads and checks a targets file (YAML or JSON) through the same located readers and JSON Schema
/// validator as configuration files (schema: `schemas/fleet-targets.schema.json`).
///
/// ```yaml
/// options:            # every target gets these (long names, no leading --)
///   limit: 100
/// targets:
///   - org: acme
///     env: prod
///     options: { dry-run: true, limit: 10 }   # true → --dry-run, false → left out, 10 → --limit 10
///   - { org: globex, env: test }
/// ```
///
/// Every problem is a `HelpfulError` located at `file:line:column`, all problems of a kind at once:
/// malformed YAML/JSON, schema violations, invalid or duplicate org/env pairs and options the script
/// does not accept are usage errors (exit 64); a target whose `config/{org}-{env}-config.*` does
/// not exist is a configuration error (exit 78).
///
/// ```swift
/// let targets = try FleetTargetsFile.load(url, projectRoot: root, script: CustomerSync.self)
/// ```
public struct FleetTargetsFile {
    /// Loads `file`; see ``load(_:projectRoot:displayPath:script:)``.
    public static func load(_ file: URL, projectRoot: URL) throws(HelpfulError) -> [FleetTarget] {
        try load(file, projectRoot: projectRoot, displayPath: nil, script: nil)
    }

    /// Loads `file` (shown as `displayPath`, by default its path), checks every target, and, when
    /// `script` is given, that the script accepts each target's options (the check `runbook run`
    /// makes: the script's own argument parser).
    public static func load(
        _ file: URL, projectRoot: URL, displayPath: String?, script: (any Script.Type)?, extraArguments: [String] = []
    ) throws(HelpfulError) -> [FleetTarget] {
        let shown = displayPath ?? file.path
        let root: JSONNode
        do {
            root = try ConfigDocumentReader().read(file, displayPath: shown, source: 1)
        } catch {
            var error = error
            error.exitCode = .usage
            throw error
        }
        try checkSchema(root, shown: shown)
        let problems = FleetTargetProblems(file: shown)
        let targets = parse(root, problems: problems)
        try problems.throwIfAny(exitCode: .usage)
        if let script {
            FleetOptionCheck(script: script, extraArguments: extraArguments).check(targets, root: root, problems: problems)
            try problems.throwIfAny(exitCode: .usage)
        }
        checkConfigurations(targets, root: root, projectRoot: projectRoot, problems: problems)
        try problems.throwIfAny(exitCode: .configuration)
        return targets.map(\.target)
    }

    /// A target with the nodes its errors point at.
    struct Located {
        var target: FleetTarget
        var node: JSONNode
        var options: [JSONObject.Member]
    }

    private static func checkSchema(_ root: JSONNode, shown: String) throws(HelpfulError) {
        let schema: CompiledSchema
        do {
            schema = try CompiledSchema(try JSONParser.parse(FleetTargetsSchema.text))
        } catch {
            throw HelpfulError(code: .schemaInvalid,
                               problem: "The built-in targets schema is invalid: \(error)", solution: "Report this as a bug",
                               exitCode: .scriptFailed)
        }
        let violations = schema.validate(root).violations
        guard let first = violations.first else { return }
        let lines = violations.prefix(50).map { violation in
            let path = ConfigKeyPath.format(violation.instanceLocation.tokens, in: root)
            return "\(position(shown, violation.sourceLocation)): \(path): \(violation.message)"
        } + (violations.count > 50 ? ["… and \(violations.count - 50) more"] : [])
        throw HelpfulError(
            code: .fleetTargetsInvalid,
            problem: "\(shown) is not a valid targets file (\(violations.count) problem\(violations.count == 1 ? "" : "s"))",
            solution: "Fix every entry listed: a targets file is a mapping with `targets:` (a list of {org, env, options}) "
                + "and optional shared `options:`; schemas/fleet-targets.schema.json describes it",
            example: "targets:\n  - org: acme\n    env: prod\n    options: { limit: 10 }",
            location: location(shown, first.sourceLocation,
                               keyPath: ConfigKeyPath.format(first.instanceLocation.tokens, in: root)),
            details: lines, exitCode: .usage)
    }

    private static func parse(_ root: JSONNode, problems: FleetTargetProblems) -> [Located] {
        let shared = root.value.objectValue?["options"]?.value.objectValue?.members ?? []
        var seen: [String: SourceLocation] = [:]
        var targets: [Located] = []
        for (index, node) in (root.value.objectValue?["targets"]?.value.arrayValue ?? []).enumerated() {
            guard let object = node.value.objectValue, let org = object["org"], let env = object["env"],
                  let orgName = org.value.stringValue, let envName = env.value.stringValue else { continue }
            for (value, name, role) in [(org, orgName, "org"), (env, envName, "env")] where !ConfigIdentifier.isValid(name) {
                problems.add(
                    "targets[\(index)].\(role): invalid \(role) '\(name.debugEscaped)': use a lower-case identifier "
                        + "(a-z, 0-9, '-', '_', at most \(ConfigIdentifier.maximumLength) characters)",
                    at: value.location, keyPath: "targets[\(index)].\(role)")
            }
            let key = "\(orgName)/\(envName)"
            if let earlier = seen[key] {
                problems.add("targets[\(index)]: \(key) is listed twice (first at line \(earlier.line))",
                             at: node.location, keyPath: "targets[\(index)]")
            } else {
                seen[key] = node.location
            }
            let own = object["options"]?.value.objectValue?.members ?? []
            let merged = FleetOptions.merge(shared: shared, own: own)
            let target = FleetTarget(org: orgName, env: envName, arguments: FleetOptions.arguments(merged), index: index)
            targets.append(Located(target: target, node: node, options: merged))
        }
        return targets
    }

    private static func checkConfigurations(
        _ targets: [Located], root: JSONNode, projectRoot: URL, problems: FleetTargetProblems
    ) {
        let discovery = ConfigFileDiscovery(projectRoot: projectRoot)
        for located in targets {
            let target = located.target
            do {
                _ = try discovery.configFile(org: target.org, env: target.env)
            } catch {
                problems.add("targets[\(target.index)]: \(error.problem)", at: located.node.location,
                             keyPath: "targets[\(target.index)]", solution: error.solution)
            }
        }
    }

    static func position(_ shown: String, _ location: SourceLocation) -> String {
        location.line > 0 ? "\(shown):\(location.line):\(location.column)" : shown
    }

    static func location(_ shown: String, _ location: SourceLocation, keyPath: String?) -> ErrorLocation {
        if location.line == 0, shown == "command line" { return ErrorLocation(origin: shown) }
        var result = ErrorLocation.file(
            shown, line: location.line > 0 ? Int(location.line) : nil, column: location.column > 0 ? Int(location.column) : nil)
        result.keyPath = keyPath
        return result
    }
}
