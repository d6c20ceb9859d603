import Foundation
import JSONSchema

/// Reads the entries of a redaction pattern document, turning every problem into a `HelpfulError`.
struct PatternDocumentReader {
    let file: String

    func error(_ problem: String, at node: JSONNode, path: String, details: [String] = []) -> HelpfulError {
        HelpfulError(
            code: .configRedactionPatterns,
            problem: "Redaction pattern file \(file) \(problem)",
            solution: "Fix the entry, or delete the file to use the built-in patterns",
            example: """
                redaction-patterns:
                  patterns:
                    - name: url-api-key
                      pattern: '(api[-_]?key=)[^&\\s]+'
                      replacement: '$1[REDACTED]'
                """,
            location: ErrorLocation(
                file: file,
                line: node.location.isKnown ? Int(node.location.line) : nil,
                column: node.location.isKnown ? Int(node.location.column) : nil,
                keyPath: path.isEmpty ? nil : path),
            details: details,
            exitCode: .configuration)
    }

    func object(_ node: JSONNode, path: String) throws -> JSONObject {
        guard let object = node.value.objectValue else {
            let what = path.isEmpty ? "the document" : "'\(path)'"
            throw error("has \(what) as \(node.value.typeName), expected a mapping", at: node, path: path)
        }
        return object
    }

    func string(_ object: JSONObject, _ key: String, in node: JSONNode, path: String, label: String) throws -> String {
        guard let value = object[key] else {
            throw error("has \(label) without the required '\(key)' field", at: node, path: path)
        }
        guard let text = value.value.stringValue else {
            throw error("has '\(path).\(key)' as \(value.value.typeName), expected a string", at: value,
                        path: "\(path).\(key)")
        }
        guard !text.isEmpty else {
            throw error("has an empty '\(path).\(key)'", at: value, path: "\(path).\(key)")
        }
        return text
    }

    func count(_ object: JSONObject, _ key: String, path: String, label: String) throws -> Int {
        guard let node = object[key] else { return 0 }
        guard case .integer(let value) = node.value, value >= 0, value <= 10_000 else {
            throw error("has '\(key)' in \(label) that is not a whole number from 0 to 10000", at: node, path: "\(path).\(key)")
        }
        return Int(value)
    }

    func rule(_ node: JSONNode, path: String) throws -> RedactionPattern {
        let object = try object(node, path: path)
        let name = try string(object, "name", in: node, path: path, label: "a pattern")
        let label = "pattern '\(name)'"
        let pattern = try string(object, "pattern", in: node, path: path, label: label)
        let replacement = try string(object, "replacement", in: node, path: path, label: label)
        var check: RedactionPattern.Check?
        if let checkNode = object["check"] {
            guard let text = checkNode.value.stringValue, let known = RedactionPattern.Check(rawValue: text) else {
                let allowed = RedactionPattern.Check.allCases.map(\.rawValue).joined(separator: ", ")
                throw error("has an unknown check in \(label); allowed: \(allowed)", at: checkNode, path: "\(path).check")
            }
            check = known
        }
        var triggers: [String] = []
        if let list = object["triggers"] {
            guard let elements = list.value.arrayValue,
                  let strings = Optional(elements.compactMap(\.value.stringValue)), strings.count == elements.count else {
                throw error("has 'triggers' in \(label) that is not a list of strings", at: list, path: "\(path).triggers")
            }
            triggers = strings
        }
        let minimumDigits = try count(object, "min-digits", path: path, label: label)
        let minimumRun = try count(object, "min-token-length", path: path, label: label)
        let known = ["name", "pattern", "replacement", "check", "triggers", "min-digits", "min-token-length"]
        let unknown = object.keys.filter { !known.contains($0) && !$0.hasPrefix("_") }
        if let first = unknown.first {
            throw error("has an unknown field '\(first)' in \(label)", at: node, path: path)
        }
        do {
            return try RedactionPattern(name: name, pattern: pattern, replacement: replacement, check: check,
                                        triggers: triggers, minimumDigits: minimumDigits, minimumRun: minimumRun)
        } catch {
            let patternNode = object["pattern"] ?? node
            throw self.error("has an invalid regular expression in \(label)", at: patternNode, path: "\(path).pattern",
                             details: ["regex: \(pattern)"])
        }
    }
}
