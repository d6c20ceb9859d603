import Foundation
import RunbookTesting
import Testing

/// One broken configuration: the files it writes, the org/env it runs, and what the error must show.
struct BrokenConfigCase: CustomTestStringConvertible, Sendable {
    let name: String
    var files: [String: Data] = [:]
    var org = "demo"
    var env = "test"
    var variables: [String: String] = [:]
    /// Text the rendered error must contain (a file:line:column, a variable name, a key path).
    let location: String
    var removeSchema = false
    var sparseConfigBytes: UInt64?
    /// The error's code, shown in the first line and recorded in the run record.
    var code = "RB-CFG-010"

    var testDescription: String { name }

    /// The secret planted in every case that has a secrets file; it must never be printed.
    static let plantedSecret = "s3cr3t-VALUE-9f8e7d"

    /// A valid YAML configuration; line numbers are referred to by the cases.
    static let validYAML = """
        global:
          api-base-url: https://erp.example.com/api/
        script-behavior:
          retry-strategy:
            max-retries: 3
          rate-limiting:
            enabled: false
            burst-size: 2
        scripts:
          hello-world:
            greeting: Hello

        """

    static func yaml(_ text: String, secrets: Bool = true) -> [String: Data] {
        var files = ["config/demo-test-config.yaml": Data(text.utf8)]
        if secrets { files["config/demo-test-config-secrets.yaml"] = Data("client-secret: \(plantedSecret)\n".utf8) }
        return files
    }

    static func json(_ text: String) -> [String: Data] {
        ["config/demo-test-config.json": Data(text.utf8),
         "config/demo-test-config-secrets.json": Data("{\"client-secret\": \"\(plantedSecret)\"}".utf8)]
    }

    /// `validYAML` with one line replaced (1-based).
    static func yamlReplacing(line: Int, with text: String) -> [String: Data] {
        var lines = validYAML.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return yaml(lines.joined(separator: "\n"))
    }
}
