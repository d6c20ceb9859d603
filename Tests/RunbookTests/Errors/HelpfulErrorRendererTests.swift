import Foundation
import Runbook
import Testing

@Suite struct HelpfulErrorRendererTests {
    let error = HelpfulError(
        code: .httpTokenRequestFailed,
        problem: "Token request failed for client s3cret-token-value",
        solution: "Check client-id and client-secret",
        example: "runbook config acme prod --explain global.client-id",
        location: ErrorLocation(file: "config/acme-prod-config.yaml", line: 3, column: 14, keyPath: "global.client-id"),
        details: ["HTTP 401 from login.example.com"],
        exitCode: .configuration)

    @Test func plainTextIsExact() {
        let text = HelpfulErrorRenderer(style: .plain).render(error)
        #expect(text == """
            ❌ Problem [RB-HTTP-018]: Token request failed for client s3cret-token-value
               HTTP 401 from login.example.com
            📍 Where: config/acme-prod-config.yaml:3:14 (key global.client-id)
            ✅ Solution: Check client-id and client-secret
            📝 Example:
               runbook config acme prod --explain global.client-id

            """)
    }

    @Test func colourWrapsOnlyTheLabels() {
        let text = HelpfulErrorRenderer(style: .color).render(error)
        #expect(text.hasPrefix("\u{1B}[1;31m❌ Problem [RB-HTTP-018]:\u{1B}[0m Token request failed"))
        #expect(text.contains("\u{1B}[1;32m✅ Solution:\u{1B}[0m Check client-id and client-secret"))
    }

    @Test func jsonIsOneObject() {
        let text = HelpfulErrorRenderer(style: .json).render(error)
        #expect(text == #"{"error":{"code":"RB-HTTP-018","details":["HTTP 401 from login.example.com"],"example":"runbook config acme prod --explain global.client-id","exitCode":78,"location":{"column":14,"file":"config/acme-prod-config.yaml","keyPath":"global.client-id","line":3},"problem":"Token request failed for client s3cret-token-value","solution":"Check client-id and client-secret"}}"# + "\n")
    }

    @Test func redactionRemovesOnlySecretValues() {
        let renderer = HelpfulErrorRenderer(style: .plain) { $0.replacingOccurrences(of: "s3cret-token-value", with: "[REDACTED]") }
        let text = renderer.render(error)
        #expect(text.hasPrefix("❌ Problem [RB-HTTP-018]: Token request failed for client [REDACTED]\n"))
        #expect(text.contains("✅ Solution: Check client-id and client-secret\n"))
    }

    @Test func anErrorWithoutACodeIsTheScripts() {
        let error = HelpfulError(problem: "No email column", solution: "Add one")
        #expect(error.code == .scriptRaised)
        #expect(HelpfulErrorRenderer(style: .plain).render(error) == "❌ Problem [RB-SCR-001]: No email column\n✅ Solution: Add one\n")
        #expect(HelpfulErrorRenderer(style: .json).render(error).hasPrefix(#"{"error":{"code":"RB-SCR-001","#))
    }

    @Test func aScriptCanGiveItsOwnCode() {
        let own = ErrorCode(.script, 101, meaning: "The customer file has no email column", fix: "Add an email header")
        let error = HelpfulError(code: own, problem: "No email column", solution: "Add one")
        #expect(HelpfulErrorRenderer(style: .plain).render(error).hasPrefix("❌ Problem [RB-SCR-101]: No email column\n"))
    }

    @Test(arguments: [
        (false, true, [String: String](), HelpfulErrorRenderer.Style.color),
        (false, false, [:], .plain),
        (false, true, ["NO_COLOR": "1"], .plain),
        (false, true, ["TERM": "dumb"], .plain),
        (true, true, [:], .json),
    ])
    func styleFollowsTerminalAndNoColor(json: Bool, terminal: Bool, environment: [String: String], expected: HelpfulErrorRenderer.Style) {
        #expect(HelpfulErrorRenderer.style(json: json, isTerminal: terminal, environment: environment) == expected)
    }
}
