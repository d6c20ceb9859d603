import Foundation
import HTTPTypes
import Logging
import Runbook
import RunbookTesting
import Testing

/// A rendered error goes through the same redaction as a log line (known values and patterns),
/// plain and JSON, and keeps its structure: the file:line:column and the key path survive.
struct HelpfulErrorRedactionTests {
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXZhbHVl"

    struct CallsTheERP: Script {
        static let name = "calls-the-erp"
        static let summary = "one call that the service rejects"
        init() {}
        func run(_ context: ScriptContext) async throws {
            _ = try await context.restClient().get("customers/C001")
        }
    }

    @Test("a service message echoing a JWT and password=… is redacted when the error is rethrown")
    func serviceMessageIsRedacted() async throws {
        let harness = ScriptHarness(CallsTheERP.self)
        harness.http.route(.get, "/customers/C001", response: .json(
            400, #"{"error":{"message":"token \#(Self.jwt) rejected: password=hunter2!x is wrong"}}"#))
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        let error = try #require(result.error)
        for style in [HelpfulErrorRenderer.Style.plain, .json] {
            let text = HelpfulErrorRenderer(style: style).render(error)
            #expect(!text.contains(Self.jwt) && !text.contains("hunter2"), "\(style): \(text)")
            #expect(text.contains("password=[REDACTED]"), "\(style): \(text)")
        }
        let rendered = try #require(result.renderedError)
        #expect(!rendered.contains(Self.jwt) && !rendered.contains("hunter2"))
        #expect(rendered.contains("/customers/C001"))
        #expect(result.logLines.allSatisfy { !$0.contains(Self.jwt) && !$0.contains("hunter2") })
    }

    static let located = HelpfulError(
        code: .secretNested,
        problem: "Secret 'db-password' in config/acme-prod-secrets.yaml holds password=hunter2!x; Bearer abc.def-123 was sent",
        solution: "Set require_token=False or remove the value",
        example: "client-secret: <value>\npassword: ${DB_PASSWORD}",
        location: ErrorLocation(file: "data/aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5jK7mQ.yaml", line: 14, column: 17,
                                keyPath: "script-behavior.api-token"),
        details: ["config/acme-prod-config.yaml:14:17: global.client-secret: must be a string, found 123"],
        exitCode: .configuration)

    @Test("plain: prose redacted, location, key path and advice intact") func plainKeepsStructure() {
        let registry = SecretRegistry()
        registry.register(Secret(name: "db-password", value: "hunter2!x"))
        let text = HelpfulErrorRenderer(style: .plain, redactor: Redactor(secrets: registry)).render(Self.located)
        #expect(text == """
            ❌ Problem [RB-SEC-003]: Secret 'db-password' in config/acme-prod-secrets.yaml holds password=[REDACTED]; Bearer [REDACTED] was sent
               config/acme-prod-config.yaml:14:17: global.client-secret: must be a string, found 123
            📍 Where: data/aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5jK7mQ.yaml:14:17 (key script-behavior.api-token)
            ✅ Solution: Set require_token=False or remove the value
            📝 Example:
               client-secret: <value>
               password: ${DB_PASSWORD}

            """)
    }

    @Test("JSON: the same redaction, the structure intact") func jsonKeepsStructure() throws {
        let text = HelpfulErrorRenderer(style: .json).render(Self.located)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let error = try #require(object?["error"] as? [String: Any])
        #expect(error["problem"] as? String
            == "Secret 'db-password' in config/acme-prod-secrets.yaml holds password=[REDACTED]; Bearer [REDACTED] was sent")
        let location = try #require(error["location"] as? [String: Any])
        #expect(location["file"] as? String == "data/aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5jK7mQ.yaml")
        #expect(location["line"] as? Int == 14 && location["column"] as? Int == 17)
        #expect(location["keyPath"] as? String == "script-behavior.api-token")
        #expect(error["example"] as? String == "client-secret: <value>\npassword: ${DB_PASSWORD}")
        #expect(error["exitCode"] as? Int == 78)
        #expect(error["code"] as? String == "RB-SEC-003")
    }

    @Test("an error logged as metadata gets both layers too") func loggedErrorIsRedacted() {
        let captured = CapturedLogLines()
        let logging = RunLogging(redactor: Redactor(secrets: SecretRegistry()), clock: ManualClock(), sinks: [captured])
        logging.makeLogger(label: "t").error("call failed", metadata: ["error": "\(Self.located.problem)"])
        logging.makeHandler(label: "t").log(event: LogEvent(
            level: .error, message: "call failed", error: Self.located, metadata: nil, source: nil,
            file: #fileID, function: #function, line: #line))
        #expect(captured.lines.allSatisfy { !$0.contains("hunter2") && !$0.contains("abc.def-123") })
    }
}
