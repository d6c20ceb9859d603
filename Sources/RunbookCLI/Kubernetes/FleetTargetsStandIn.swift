// TEMPORARY stand-in for h13-fleet's `FleetTarget` / `FleetTargetsFile` (Sources/Runbook/Fleet/),
// with the same shapes; deleted when that branch is merged.
import Foundation
import JSONSchema
import Runbook

/// One org/env a fleet runs, with its script arguments.
struct FleetTarget: Sendable, Hashable, Codable {
    var org: String
    var env: String
    var arguments: [String]
    var index: Int
}

/// Reads a targets file (stand-in: the shape only, no schema).
enum FleetTargetsFile {
    static func load(
        _ file: URL, projectRoot: URL, displayPath: String?, script: (any Script.Type)?, extraArguments: [String] = []
    ) throws(HelpfulError) -> [FleetTarget] {
        let shown = displayPath ?? file.path
        var root: JSONNode
        do {
            root = try ConfigDocumentReader().read(file, displayPath: shown, source: 1)
        } catch {
            var error = error
            error.exitCode = .usage
            throw error
        }
        func bad(_ message: String) -> HelpfulError {
            HelpfulError(problem: "\(shown): \(message)", solution: "List targets as {org, env}",
                         example: "targets:\n  - { org: acme, env: prod }", location: .file(shown), exitCode: .usage)
        }
        guard case .object(let top) = root.value, case .array(let list)? = top["targets"]?.value else {
            throw bad("expected a mapping with a list 'targets'")
        }
        let shared = options(top["options"])
        var targets: [FleetTarget] = []
        for (index, node) in list.enumerated() {
            guard case .object(let entry) = node.value, case .string(let org)? = entry["org"]?.value,
                  case .string(let env)? = entry["env"]?.value else { throw bad("target \(index) needs org and env") }
            var merged = shared
            for (key, value) in options(entry["options"]) {
                merged.removeAll { $0.0 == key }
                merged.append((key, value))
            }
            targets.append(FleetTarget(org: org, env: env, arguments: merged.flatMap(\.1), index: index))
        }
        root = JSONNode(.null)
        return targets
    }

    private static func options(_ node: JSONNode?) -> [(String, [String])] {
        guard case .object(let object)? = node?.value else { return [] }
        return object.members.map { member in
            func words(_ value: JSONValue) -> [String] {
                switch value {
                case .bool(true): ["--\(member.key)"]
                case .bool(false), .null, .object: []
                case .integer(let number): ["--\(member.key)", String(number)]
                case .number(let number): ["--\(member.key)", number.literal]
                case .string(let text): ["--\(member.key)", text]
                case .array(let items): items.flatMap { words($0.value) }
                }
            }
            return (member.key, words(member.value.value))
        }
    }
}
