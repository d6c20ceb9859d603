import Foundation
import JSONSchema
import Testing

/// Runs the official JSON-Schema-Test-Suite (required, optional and optional/format tests) for
/// draft 2020-12 and draft-07. The suite lives in `../shared/jsts` (or `JSON_SCHEMA_TEST_SUITE`).
/// Failing cases must be listed in `KnownConformanceFailures`; a listed case that passes fails too.
struct ConformanceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var suiteDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"] { return URL(fileURLWithPath: override) }
        return packageRoot.appendingPathComponent("../shared/jsts").standardizedFileURL
    }

    static let knownFailures = Set(KnownConformanceFailures.cases.keys)

    /// Every case of one draft directory: id → passed.
    static func run(draft: String, dialect: Dialect) throws -> [String: Bool] {
        let base = suiteDirectory.appendingPathComponent("tests/\(draft)")
        var registry = SchemaRegistry()
        registry.addDirectory(prefix: "http://localhost:1234/", directory: suiteDirectory.appendingPathComponent("remotes").path)
        var outcomes: [String: Bool] = [:]
        let files = (FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let document = try JSONParser.parse([UInt8](try Data(contentsOf: base.appendingPathComponent(file))))
            let options = ValidationOptions(defaultDialect: dialect, assertFormats: file.hasPrefix("optional/format/"))
            for group in document.value.arrayValue ?? [] {
                guard let object = group.value.objectValue, let schemaNode = object["schema"] else { continue }
                let groupName = object["description"]?.value.stringValue ?? "?"
                let compiled = try? CompiledSchema(schemaNode, registry: registry, options: options)
                for test in object["tests"]?.value.arrayValue ?? [] {
                    guard let testObject = test.value.objectValue, let data = testObject["data"],
                          case .bool(let expected)? = testObject["valid"]?.value else { continue }
                    let id = "\(draft)/\(file): \(groupName) / \(testObject["description"]?.value.stringValue ?? "?")"
                    guard let compiled else {
                        outcomes[id] = false
                        continue
                    }
                    let result = compiled.validate(data)
                    outcomes[id] = result.isValid == expected && compiled.isValid(data) == expected
                        && (expected || !result.violations.isEmpty)
                }
            }
        }
        return outcomes
    }

    static var suiteIsPresent: Bool {
        let present = FileManager.default.fileExists(atPath: suiteDirectory.appendingPathComponent("tests").path)
        if !present { print("JSON-Schema-Test-Suite not found at \(suiteDirectory.path) (set JSON_SCHEMA_TEST_SUITE); skipping") }
        return present
    }

    @Test(.enabled(if: suiteIsPresent, "JSON-Schema-Test-Suite not found (../shared/jsts or JSON_SCHEMA_TEST_SUITE)"),
          arguments: [("draft2020-12", Dialect.draft2020_12), ("draft7", Dialect.draft7)])
    func officialSuitePasses(draft: String, dialect: Dialect) throws {
        let outcomes = try Self.run(draft: draft, dialect: dialect)
        let failed = outcomes.filter { !$0.value }.map(\.key).sorted()
        let unexpected = failed.filter { !Self.knownFailures.contains($0) }
        let fixed = outcomes.filter { $0.value && Self.knownFailures.contains($0.key) }.map(\.key).sorted()
        print("\(draft): \(outcomes.count - failed.count)/\(outcomes.count) passed, \(failed.count) known-failing")
        if ProcessInfo.processInfo.environment["JSTS_PRINT_FAILURES"] != nil {
            for id in failed { print("FAIL\t\(id)") }
        }
        #expect(unexpected.isEmpty, "unexpected failures:\n\(unexpected.joined(separator: "\n"))")
        #expect(fixed.isEmpty, "listed in KnownConformanceFailures but now passing:\n\(fixed.joined(separator: "\n"))")
    }
}
