import JSONSchema
import Runbook

/// `runbook config --json` and `runbook config --explain KEY --json`: the same content as the YAML
/// view, as one JSON object on one line.
///
/// `config --json`:
/// ```json
/// {"org":"demo","env":"test","file":"config/demo-test-config.yaml","layers":["config/demo-test-config.yaml"],
///  "values":[{"key":"global.api-base-url","value":"https://erp.example.com/api/",
///             "origin":{"kind":"file","file":"config/demo-test-config.yaml","line":2,"column":17,
///                       "layer":"org-env","text":"config/demo-test-config.yaml:2:17"}}],
///  "secrets":[{"name":"client-secret","origin":"config/demo-test-config-secrets.yaml"}]}
/// ```
/// `layers` lists the merged files, lowest first (`config/defaults.yaml`, `config/{org}-config.yaml`,
/// `config/{org}-{env}-config.yaml`). `values` lists every leaf (scalars, arrays, empty mappings) in
/// document order; `origin.kind` is `file` (with `layer`: `defaults`, `org` or `org-env`),
/// `environment` (with `variable`), `schemaDefault` or `unknown`. Secrets appear by name and
/// origin only, never by value.
///
/// `config --explain KEY --json`:
/// ```json
/// {"key":"script-behavior.retry-strategy.max-retries","set":true,"value":3,"origin":{…},
///  "type":"integer","minimum":"0","maximum":"10","default":5,"description":"…","allowed":[],"declared":true}
/// ```
/// For a documented key that is not set: `"set":false`, no `value`, `"origin":null`.
extension EffectiveConfigPrinter {
    func renderJSON() -> String {
        var values: [String] = []
        if case .object(let object) = loaded.root.value { appendLeaves(object, prefix: [], into: &values) }
        let secrets = loaded.secrets.names.map { name in
            "{\"name\":\(Self.string(name)),\"origin\":\(loaded.secrets.origin(of: name).map(Self.string) ?? "null")}"
        }
        let layers = loaded.layerFiles.map(Self.string).joined(separator: ",")
        return "{\"org\":\(Self.string(loaded.org)),\"env\":\(Self.string(loaded.env)),\"file\":\(Self.string(loaded.file)),"
            + "\"layers\":[\(layers)],"
            + "\"values\":[\(values.joined(separator: ","))],\"secrets\":[\(secrets.joined(separator: ","))]}\n"
    }

    func explainJSON(_ path: [String]) throws(HelpfulError) -> String {
        let (node, entry) = try explanation(path)
        var fields = ["\"key\":\(Self.string(ConfigKeyPath.format(path)))", "\"set\":\(node != nil)"]
        if let node {
            fields.append("\"value\":\(Self.json(node.value))")
            fields.append("\"origin\":\(origin(node.location))")
        } else {
            fields.append("\"origin\":null")
        }
        fields.append("\"declared\":\(entry != nil)")
        if let entry {
            fields.append("\"type\":\(entry.type.map(Self.string) ?? "null")")
            if let format = entry.format { fields.append("\"format\":\(Self.string(format))") }
            if let minimum = entry.minimum { fields.append("\"minimum\":\(Self.string(minimum))") }
            if let maximum = entry.maximum { fields.append("\"maximum\":\(Self.string(maximum))") }
            fields.append("\"default\":\(entry.defaultValue.map(Self.json) ?? "null")")
            fields.append("\"description\":\(entry.description.map(Self.string) ?? "null")")
            fields.append("\"allowed\":[\(entry.allowed.map(Self.string).joined(separator: ","))]")
        }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    private func appendLeaves(_ object: JSONObject, prefix: [String], into values: inout [String]) {
        for member in object.members {
            let path = prefix + [member.key]
            if case .object(let child) = member.value.value, !child.isEmpty {
                appendLeaves(child, prefix: path, into: &values)
                continue
            }
            values.append("{\"key\":\(Self.string(ConfigKeyPath.format(path))),\"value\":\(Self.json(member.value.value)),"
                + "\"origin\":\(origin(member.value.location))}")
        }
    }

    private func origin(_ location: SourceLocation) -> String {
        let origin = loaded.sources.origin(of: location)
        let text = "\"text\":\(Self.string(origin.description))"
        switch origin {
        case .file(let path, let line, let column):
            let layer = loaded.sources.layer(of: location).map { ",\"layer\":\(Self.string($0.name))" } ?? ""
            return "{\"kind\":\"file\",\"file\":\(Self.string(path)),\"line\":\(line),\"column\":\(column)\(layer),\(text)}"
        case .environment(let variable):
            return "{\"kind\":\"environment\",\"variable\":\(Self.string(variable)),\(text)}"
        case .schemaDefault:
            return "{\"kind\":\"schemaDefault\",\(text)}"
        case .unknown:
            return "{\"kind\":\"unknown\",\(text)}"
        }
    }

    static func string(_ text: String) -> String {
        JSONStringLiteral.quoted(text)
    }

    /// A value as JSON; YAML's `.inf`, `-.inf` and `.nan`, which JSON cannot hold, as strings.
    static func json(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): number.literal.hasSuffix("inf") || number.literal.hasSuffix("nan") ? string(number.literal) : number.literal
        case .string(let text): string(text)
        case .array(let elements): "[" + elements.map { json($0.value) }.joined(separator: ",") + "]"
        case .object(let object): "{" + object.members.map { string($0.key) + ":" + json($0.value.value) }.joined(separator: ",") + "}"
        }
    }
}
