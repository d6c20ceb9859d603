import Foundation
import Logging
import Runbook
import RunbookTesting
import Testing

/// Every encoded form of a configured secret, computed here independently of `SecretForms` (with
/// Foundation's own encoders where there is one), must be redacted in every sink: a log line, log
/// metadata, the console, the log file, the run record and a rendered error (plain and JSON).
struct SecretFormsSinkTests {
    /// Secrets holding `- / + = & % " \`, a space and non-ASCII letters.
    static let secrets = ["s3cr-et/val+ue=1&x", #"pa%ss"wo\rd-42"#, "çlé-sécrète/Ω42", "open sesame+1/2"]

    /// (form name, encoder) pairs; each is an encoding a secret was seen in, or could plausibly be.
    static let encoders: [(String, @Sendable (String) -> String)] = [
        ("raw", { $0 }),
        ("upper-cased", { $0.uppercased() }),
        ("lower-cased", { $0.lowercased() }),
        ("percent .alphanumerics", { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }),
        ("percent .alphanumerics, lower-case escapes", { lowerEscapes($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!) }),
        ("percent .urlQueryAllowed", { $0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)! }),
        ("percent .urlPasswordAllowed", { $0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed)! }),
        ("form-encoded", { formEncoded($0) }),
        ("URLComponents query item", { value in
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "k", value: value)]
            return String(components.percentEncodedQuery!.dropFirst(2))
        }),
        ("JSONEncoder", { jsonEncoded($0, [.sortedKeys]) }),
        ("JSONEncoder without escaping slashes", { jsonEncoded($0, [.withoutEscapingSlashes]) }),
        ("JSON, ASCII only", { asciiJSON($0) }),
        ("base64", { Data($0.utf8).base64EncodedString() }),
        ("base64 without padding", { Data($0.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "") }),
        ("base64url", { Data($0.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_") }),
        ("hex", { $0.utf8.map { String(format: "%02x", $0) }.joined() }),
        ("HEX", { $0.utf8.map { String(format: "%02X", $0) }.joined() }),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let secret: String
        let form: String
        let encoding: String
        var testDescription: String { "\(encoding) of secret #\(SecretFormsSinkTests.secrets.firstIndex(of: secret)!)" }
    }

    static let cases: [Case] = secrets.flatMap { secret in
        encoders.map { Case(secret: secret, form: $0.1(secret), encoding: $0.0) }
    }

    static func lowerEscapes(_ text: String) -> String {
        var result = ""
        var pending = 0
        for character in text {
            if character == "%" { pending = 2; result.append(character) } else if pending > 0 {
                pending -= 1
                result += character.lowercased()
            } else { result.append(character) }
        }
        return result
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._* ")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: " ", with: "+")
    }

    static func jsonEncoded(_ text: String, _ formatting: JSONEncoder.OutputFormatting) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(String(decoding: try! encoder.encode(text), as: UTF8.self).dropFirst().dropLast())
    }

    static func asciiJSON(_ text: String) -> String {
        jsonEncoded(text, [.withoutEscapingSlashes]).unicodeScalars.map { scalar in
            scalar.isASCII ? String(scalar) : String(scalar).utf16.map { String(format: "\\u%04x", $0) }.joined()
        }.joined()
    }

    /// Whether `output` shows the form or the secret (ASCII case ignored).
    static func leaks(_ output: String, _ item: Case) -> Bool {
        let lowered = output.lowercased()
        return lowered.contains(item.form.lowercased()) || lowered.contains(item.secret.lowercased())
    }

    static func registry(_ secret: String) -> SecretRegistry {
        let registry = SecretRegistry()
        registry.register(Secret(name: "api-token", value: secret))
        return registry
    }

    @Test("every form is redacted from log lines, metadata, console, log file and run record", arguments: cases)
    func logSinks(item: Case) throws {
        let redactor = Redactor(secrets: Self.registry(item.secret))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = CapturedLogLines()
        let console = CapturedConsole()
        let file = try FileLogSink(url: folder.appendingPathComponent("run.log"))
        let logging = RunLogging(redactor: redactor, clock: ManualClock(), sinks: [
            captured, ConsoleLogSink(minimumLevel: .trace, output: console), file])
        logging.makeLogger(label: "t").info("sent q=\(item.form)&page=2 ok", metadata: ["body": "{\"v\":\"\(item.form)\"}"])
        logging.flush()
        let fileText = try String(contentsOf: folder.appendingPathComponent("run.log"), encoding: .utf8)
        for (sink, text) in [("lines", captured.lines.joined(separator: "\n")), ("console", console.text), ("file", fileText)] {
            #expect(!Self.leaks(text, item), "\(sink): \(text)")
            #expect(text.contains("[REDACTED]"), "\(sink): \(text)")
        }
        let results = ProcessingResults()
        results.failed("row \(item.form)", reason: "service said \(item.form)")
        let record = String(decoding: try JSONEncoder().encode(results.items(redactor: redactor)), as: UTF8.self)
        #expect(!Self.leaks(record, item), "record: \(record)")
    }

    @Test("every form is redacted from a rendered error, plain and JSON", arguments: cases)
    func errorSink(item: Case) {
        let redactor = Redactor(secrets: Self.registry(item.secret))
        let error = HelpfulError(
            problem: "Call failed: the service answered \(item.form)", solution: "Check \(item.form)",
            location: ErrorLocation(file: "config/acme-prod-config.yaml", line: 3, column: 14, keyPath: "global.client-id"),
            details: ["echo: \(item.form)"])
        for style in [HelpfulErrorRenderer.Style.plain, .json] {
            let text = HelpfulErrorRenderer(style: style, redact: redactor.redactSecrets).render(error)
            #expect(!Self.leaks(text, item), "\(style): \(text)")
            #expect(text.contains("config/acme-prod-config.yaml"))
        }
    }

    @Test("the table covers every encoding for every secret")
    func tableIsComplete() {
        #expect(Self.cases.count == Self.secrets.count * Self.encoders.count)
        // The forms differ from the raw value for the special characters they encode.
        #expect(Self.cases.contains { $0.form.contains("%2D") })
        #expect(Self.cases.contains { $0.form.contains("\\/") })
        #expect(Self.cases.contains { $0.form.contains("\\u00e7") })
    }
}
