import Foundation
import JSONSchema
import RunbookTesting
import Testing

/// The official JSON-Schema-Test-Suite through the CLI: `runbook validate --schema S FILE...` on every
/// case (each group's schema, one data file per test), so that what the command refuses or accepts
/// (a `null` document, a scalar, a number) is what the validator decides. Draft 2020-12 only (draft-07
/// goes through the same reader; `ConformanceTests` covers both drafts in-process).
@Suite struct ValidateSchemaSuiteTests {
    static let suite = SourceTree.root.appendingPathComponent("../shared/jsts").standardizedFileURL

    static var suiteIsPresent: Bool {
        FileManager.default.fileExists(atPath: suite.appendingPathComponent("tests").path)
    }

    @Test(.enabled(if: suiteIsPresent, "JSON-Schema-Test-Suite not found in ../shared/jsts"),
          arguments: [("draft2020-12", "2020-12")])
    func officialSuiteThroughTheCLI(draft: String, option: String) async throws {
        let project = try TestWorkspace.cli(copySchema: false)
        defer { project.remove() }
        let base = Self.suite.appendingPathComponent("tests/\(draft)")
        let files = (FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var checked = 0
        var scalarOrNull = 0
        var failures: [String] = []
        for file in files {
            let document = try JSONParser.parse([UInt8](try Data(contentsOf: base.appendingPathComponent(file))))
            for (groupIndex, group) in (document.value.arrayValue ?? []).enumerated() {
                guard let object = group.value.objectValue, let schema = object["schema"],
                      let tests = object["tests"]?.value.arrayValue else { continue }
                let folder = project.root.appendingPathComponent("g/\(file.replacingOccurrences(of: "/", with: "_"))-\(groupIndex)").path
                try Data(JSONText.of(schema).utf8).write(to: Self.file("\(folder)/schema.json"))
                var names: [String] = []
                var expected: [Bool] = []
                for (testIndex, test) in tests.enumerated() {
                    guard let testObject = test.value.objectValue, let data = testObject["data"],
                          case .bool(let valid)? = testObject["valid"]?.value else { continue }
                    let name = "\(folder)/data-\(testIndex).json"
                    try Data(JSONText.of(data).utf8).write(to: Self.file(name))
                    names.append(name)
                    expected.append(valid)
                    if data.value.objectValue == nil && data.value.arrayValue == nil { scalarOrNull += 1 }
                }
                let formats = file.hasPrefix("optional/format/") ? "assert" : "annotate"
                let result = await CLITester.helloWorld.run(
                    ["validate", "--json", "--draft", option, "--formats", formats,
                     "--registry", "http://localhost:1234/=\(Self.suite.appendingPathComponent("remotes").path)",
                     "--schema", "\(folder)/schema.json"] + names, in: project)
                let verdicts = Self.verdicts(result.stdout)
                for (offset, name) in names.enumerated() {
                    checked += 1
                    if verdicts[name] != expected[offset] {
                        failures.append("\(file) group \(groupIndex) test \(offset): expected \(expected[offset]), got \(verdicts[name].map(String.init) ?? "no verdict (exit \(result.exitCode): \(result.stderr.prefix(300)))")")
                    }
                }
                let wanted: Int32 = expected.allSatisfy { $0 } ? 0 : 1
                if result.exitCode != wanted { failures.append("\(file) group \(groupIndex): exit \(result.exitCode), expected \(wanted)") }
            }
        }
        #expect(checked > 1_000)
        #expect(scalarOrNull > 100)
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    static func file(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    static func verdicts(_ stdout: String) -> [String: Bool] {
        guard let node = try? JSONParser.parse(stdout), let files = node.value.objectValue?["files"]?.value.arrayValue else { return [:] }
        var verdicts: [String: Bool] = [:]
        for file in files {
            guard let object = file.value.objectValue, let name = object["file"]?.value.stringValue,
                  case .bool(let valid)? = object["valid"]?.value else { continue }
            verdicts[name] = valid
        }
        return verdicts
    }
}

/// JSON text of a parsed node, numbers as written (so `1.0` stays `1.0`, big numbers keep their digits).
enum JSONText {
    static func of(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let integer): String(integer)
        case .number(let number): number.literal
        case .string(let text): quoted(text)
        case .array(let elements): "[" + elements.map(of).joined(separator: ",") + "]"
        case .object(let object): "{" + object.members.map { quoted($0.key) + ":" + of($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
