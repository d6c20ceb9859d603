import Foundation
import JSONSchema
import Testing

/// Walks the official JSON-Schema-Test-Suite files about regular expressions and checks every case whose
/// outcome depends only on the pattern. The suite is found through `JSON_SCHEMA_TEST_SUITE` or at
/// `../shared/jsts` next to the package root; when it is absent the suite is reported as skipped.
@Suite(
    "ECMARegex against JSON-Schema-Test-Suite",
    .enabled(
        if: JSONSchemaTestSuiteLocation.isAvailable,
        "JSON-Schema-Test-Suite not found: set JSON_SCHEMA_TEST_SUITE or check out ../shared/jsts"))
struct JSONSchemaTestSuiteRegexTests {
    static let patternFiles = [
        "optional/ecmascript-regex.json", "pattern.json", "patternProperties.json", "optional/non-bmp-regex.json",
    ]
    static let formatFiles = ["optional/format/regex.json", "optional/format/ecmascript-regex.json"]
    static let drafts = ["draft2020-12", "draft7"]

    static func groups(_ draft: String, _ file: String) throws -> [[String: Any]] {
        let url = JSONSchemaTestSuiteLocation.directory.appendingPathComponent(draft).appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test(arguments: drafts)
    func patternCases(draft: String) throws {
        var checked = 0
        for file in Self.patternFiles {
            for group in try Self.groups(draft, file) {
                let schema = try #require(group["schema"] as? [String: Any])
                let tests = try #require(group["tests"] as? [[String: Any]])
                for test in tests {
                    let valid = try #require(test["valid"] as? Bool)
                    let description = "\(draft)/\(file): \(group["description"] ?? "") / \(test["description"] ?? "")"
                    guard let expected = try SuiteSchema.expectation(schema, test["data"] as Any) else { continue }
                    #expect(expected == valid, Comment(rawValue: description))
                    checked += 1
                }
            }
        }
        #expect(checked >= 100, "only \(checked) suite cases were checked")
    }

    @Test(arguments: drafts)
    func formatRegexCases(draft: String) throws {
        var checked = 0
        for file in Self.formatFiles {
            for group in try Self.groups(draft, file) {
                for test in try #require(group["tests"] as? [[String: Any]]) {
                    guard let pattern = test["data"] as? String else { continue }
                    let valid = try #require(test["valid"] as? Bool)
                    let compiles = (try? ECMARegex(pattern)) != nil
                    #expect(compiles == valid, "\(draft)/\(file): \(pattern.debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 14, "only \(checked) format cases were checked")
    }
}
