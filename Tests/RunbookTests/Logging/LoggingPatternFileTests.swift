import JSONSchema
import Runbook
import Testing

struct LoggingPatternFileTests {
    static let file = "config/log-redaction-patterns.yaml"

    static func at(_ line: UInt32, _ column: UInt32) -> JSONSchema.SourceLocation { SourceLocation(source: 1, line: line, column: column) }

    static func document(_ entries: [JSONNode]) -> JSONNode {
        let list = JSONNode(.array(entries), at: at(3, 5))
        let section = JSONNode(.object(JSONObject([.init(key: "patterns", value: list)])), at: at(2, 3))
        return JSONNode(.object(JSONObject([.init(key: "redaction-patterns", value: section)])), at: at(1, 1))
    }

    static func entry(_ pairs: [(String, String)], line: UInt32) -> JSONNode {
        let members = pairs.enumerated().map { offset, pair in
            JSONObject.Member(key: pair.0, value: JSONNode(.string(pair.1), at: at(line + UInt32(offset), 16)))
        }
        return JSONNode(.object(JSONObject(members)), at: at(line, 7))
    }

    @Test func loadsAndAppliesRules() throws {
        let node = Self.document([
            Self.entry([("name", "order-id"), ("pattern", #"(order=)\d+"#), ("replacement", "$1[REDACTED]")], line: 4),
        ])
        let patterns = try RedactionPatterns.load(from: node, file: Self.file)
        #expect(patterns.rules.map(\.name) == ["order-id"])
        #expect(patterns.apply(to: "ORDER=123 x") == "ORDER=[REDACTED] x")
    }

    @Test func badRegexIsAConfigurationErrorWithLocation() {
        let node = Self.document([
            Self.entry([("name", "broken"), ("pattern", "(unclosed"), ("replacement", "x")], line: 4),
        ])
        #expect(throws: HelpfulError(
            code: .configRedactionPatterns,
            problem: "Redaction pattern file config/log-redaction-patterns.yaml has an invalid regular expression in pattern 'broken'",
            solution: "Fix the entry, or delete the file to use the built-in patterns",
            example: "redaction-patterns:\n  patterns:\n    - name: url-api-key\n      pattern: '(api[-_]?key=)[^&\\s]+'\n      replacement: '$1[REDACTED]'",
            location: ErrorLocation(file: Self.file, line: 5, column: 16, keyPath: "redaction-patterns.patterns[0].pattern"),
            details: ["regex: (unclosed"],
            exitCode: .configuration)) {
            try RedactionPatterns.load(from: node, file: Self.file)
        }
    }

    static let problems: [(JSONNode, String)] = [
        (JSONNode(.array([]), at: at(1, 1)), "has the document as array, expected a mapping"),
        (JSONNode(.object(JSONObject()), at: at(1, 1)), "is missing the top-level key 'redaction-patterns'"),
        (document([]), "has no patterns; at least one is required"),
        (document([entry([("pattern", "x"), ("replacement", "y")], line: 4)]), "has a pattern without the required 'name' field"),
        (document([entry([("name", "a"), ("pattern", "x")], line: 4)]), "has pattern 'a' without the required 'replacement' field"),
        (document([entry([("name", "a"), ("pattern", "x"), ("replacement", "y"), ("check", "crc")], line: 4)]),
         "has an unknown check in pattern 'a'; allowed: luhn, basic-credentials"),
        (document([entry([("name", "a"), ("pattern", "x"), ("replacement", "y")], line: 4),
                   entry([("name", "a"), ("pattern", "z"), ("replacement", "y")], line: 8)]),
         "names pattern 'a' twice"),
    ]

    @Test(arguments: problems)
    func reportsProblem(node: JSONNode, problem: String) {
        do {
            _ = try RedactionPatterns.load(from: node, file: Self.file)
            Issue.record("expected an error")
        } catch let error as HelpfulError {
            #expect(error.problem == "Redaction pattern file \(Self.file) \(problem)")
            #expect(error.exitCode == .configuration)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
