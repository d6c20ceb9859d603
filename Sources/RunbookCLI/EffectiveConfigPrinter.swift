import Foundation
import JSONSchema
import Runbook

/// Renders the effective configuration as YAML with each value's origin as a comment, and explains
/// single keys. Secrets appear by name and origin only.
struct EffectiveConfigPrinter {
    let loaded: LoadedConfiguration
    let schemaDocs: SchemaDocumentation

    func render() -> String {
        var lines: [(text: String, origin: String?)] = []
        lines.append(("# Effective configuration for \(loaded.org)/\(loaded.env) (\(loaded.layerFiles.joined(separator: " → ")))", nil))
        if case .object(let object) = loaded.root.value {
            append(object, depth: 0, into: &lines)
        }
        let secretNames = loaded.secrets.names
        if !secretNames.isEmpty {
            lines.append(("# secrets (values never shown)", nil))
            lines.append(("secrets:", nil))
            for name in secretNames {
                lines.append(("  \(name): \"[REDACTED]\"", loaded.secrets.origin(of: name)))
            }
        }
        let width = min(60, lines.filter { $0.origin != nil }.map { $0.text.count }.max() ?? 0)
        return lines.map { line in
            guard let origin = line.origin else { return line.text }
            return line.text.padding(toLength: max(width, line.text.count), withPad: " ", startingAt: 0) + "  # " + origin
        }.joined(separator: "\n") + "\n"
    }

    private func append(_ object: JSONObject, depth: Int, into lines: inout [(text: String, origin: String?)]) {
        let indent = String(repeating: "  ", count: depth)
        for member in object.members {
            let origin = originText(member.value.location)
            switch member.value.value {
            case .object(let child) where !child.isEmpty:
                lines.append(("\(indent)\(member.key):", nil))
                append(child, depth: depth + 1, into: &lines)
            default:
                lines.append(("\(indent)\(member.key): \(EffectiveValueText.inline(member.value.value))", origin))
            }
        }
    }

    /// `config/defaults.yaml:3:5 (defaults layer)`; an environment variable or a schema default as
    /// `ConfigValueOrigin` says it (they name their layer already).
    func originText(_ location: SourceLocation) -> String {
        let origin = loaded.sources.origin(of: location)
        guard case .file = origin, let layer = loaded.sources.layer(of: location) else { return origin.description }
        return "\(origin) (\(layer.name) layer)"
    }

    func explain(_ path: [String]) throws(HelpfulError) -> String {
        let explanation = try explanation(path)
        let keyPath = ConfigKeyPath.format(path)
        var lines: [String] = []
        if let node = explanation.node {
            lines.append("\(keyPath): \(EffectiveValueText.inline(node.value))")
            lines.append("  origin:  \(originText(node.location))")
        } else {
            lines.append("\(keyPath): (not set)")
            lines.append("  origin:  not set (the schema has no default for it; add it to \(loaded.file) if needed)")
        }
        if let entry = explanation.entry {
            lines.append("  type:    \(Self.typeText(entry))")
            if !entry.allowed.isEmpty { lines.append("  allowed: \(entry.allowed.joined(separator: ", "))") }
            if let value = entry.defaultValue { lines.append("  default: \(EffectiveValueText.inline(value))") }
            if let description = entry.description { lines.append("  meaning: \(description)") }
        } else {
            lines.append("  schema:  not declared by \(ConfigSchemaSet.mainSchemaPath)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value at `path` (nil when unset) and the schema's documentation of it (nil when undeclared).
    /// A key that is neither set nor documented is the proxy's "missing key" error, with "did you mean".
    func explanation(_ path: [String]) throws(HelpfulError) -> (node: JSONNode?, entry: SchemaDocumentation.Entry?) {
        let entry = schemaDocs.entry(path)
        if path.isEmpty { return (loaded.root, entry) }
        if let node = loaded.root.node(at: path) { return (node, entry) }
        guard let entry else { throw undeclared(path) }
        return (nil, entry)
    }

    /// The proxy's "missing key" error, its "did you mean" also looking at the keys the schema documents.
    private func undeclared(_ path: [String]) -> HelpfulError {
        var error: HelpfulError
        do {
            _ = try loaded.proxy.require(path: path)
            return HelpfulError(code: .configKeyMissing, problem: "Cannot explain \(ConfigKeyPath.format(path))", solution: "", exitCode: .configuration)
        } catch let missing {
            error = missing
        }
        guard !error.solution.hasPrefix("Did you mean"), let last = path.last else { return error }
        let parent = Array(path.dropLast())
        var known = schemaDocs.entry(parent)?.children ?? []
        known += (parent.isEmpty ? loaded.root : loaded.root.node(at: parent))?.value.objectValue?.keys ?? []
        if let suggestion = NearestName.suggestion(for: last, among: known) {
            error.solution = "Did you mean '\(suggestion)'? " + error.solution
        }
        return error
    }

    /// `integer (0 to 10)`, `string, format uri`.
    static func typeText(_ entry: SchemaDocumentation.Entry) -> String {
        var type = entry.type ?? "any"
        if let format = entry.format { type += ", format \(format)" }
        switch (entry.minimum, entry.maximum) {
        case (let low?, let high?): type += " (\(low) to \(high))"
        case (let low?, nil): type += " (≥ \(low))"
        case (nil, let high?): type += " (≤ \(high))"
        default: break
        }
        return type
    }
}
