import Foundation
import Runbook
import RunbookTesting
import Testing

/// The errors that convert themselves into a `HelpfulError` carry the code of their kind: HTTP
/// failures by kind and status, the circuit breaker, cancellation and foreign errors, and the
/// errors of the output store and the configuration loader on real files.
@Suite struct ErrorCodeMappingTests {
    static let httpCases: [(kind: HTTPRequestError.Kind, status: Int?, code: String)] = [
        (.status, 400, "RB-HTTP-001"), (.status, 401, "RB-HTTP-002"), (.status, 403, "RB-HTTP-003"),
        (.status, 404, "RB-HTTP-004"), (.status, 409, "RB-HTTP-005"), (.status, 412, "RB-HTTP-006"),
        (.status, 422, "RB-HTTP-007"), (.status, 429, "RB-HTTP-008"), (.status, 500, "RB-HTTP-009"),
        (.status, 503, "RB-HTTP-009"), (.status, 599, "RB-HTTP-009"), (.status, 418, "RB-HTTP-010"),
        (.status, 302, "RB-HTTP-010"), (.transport, nil, "RB-HTTP-011"), (.timeout, nil, "RB-HTTP-012"),
        (.deadlineExceeded, 503, "RB-HTTP-013"), (.asyncTimeout, nil, "RB-HTTP-014"),
        (.invalidResponse, 200, "RB-HTTP-015"), (.invalidURL, nil, "RB-HTTP-016"),
    ]

    @Test(arguments: httpCases)
    func anHTTPFailureHasTheCodeOfItsKind(_ http: (kind: HTTPRequestError.Kind, status: Int?, code: String)) {
        let error = HTTPRequestError(kind: http.kind, method: "GET", url: "https://api.example.com/x", status: http.status)
        #expect(error.helpfulError.code.identifier == http.code)
        #expect(HelpfulError.wrapping(error).code.identifier == http.code)
        #expect(HelpfulErrorRenderer(style: .plain).render(error.helpfulError).hasPrefix("❌ Problem [\(http.code)]: GET "))
    }

    @Test func anOpenCircuitHasItsCode() {
        let open = CircuitOpenError(name: "api.example.com", retryIn: .seconds(3), probeInFlight: false)
        let probing = CircuitOpenError(name: "api.example.com", retryIn: nil, probeInFlight: true)
        #expect(open.helpfulError.code == .httpCircuitOpen && probing.helpfulError.code == .httpCircuitOpen)
    }

    @Test func cancellationAndForeignErrorsAreWrappedWithTheirCodes() {
        struct Foreign: Error {}
        #expect(HelpfulError.wrapping(CancellationError()).code == .runInterrupted)
        #expect(HelpfulError.wrapping(Foreign()).code == .runUnexpectedError)
        let own = HelpfulError(problem: "p", solution: "s")
        #expect(HelpfulError.wrapping(own).code == .scriptRaised)
    }

    @Test func outputErrorsHaveTheirCodes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-codes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = OutputStore(root: root, clock: ManualClock())
        func code(_ body: () throws -> Void) -> ErrorCode? {
            do { try body() } catch { return HelpfulError.wrapping(error).code }
            return nil
        }
        #expect(code { _ = try store.saveText("x", to: .output, name: "../escape.txt") } == .outputUnsafeName)
        #expect(code { _ = try store.save(["a": 1], to: .output, name: "x.csv") } == .outputWrongFormat)
        #expect(code { _ = try store.saveGzip(Data([1]), to: .tmp, name: "p.gz", level: 10) } == .outputCompressionLevel)
        #expect(code { _ = try store.loadJSON([String].self, from: .data, name: "none.json") } == .outputCannotRead)
        #expect(code { _ = try store.saveJSON(["n": Double.nan], to: .output, name: "nan.json") } == .outputUnencodable)
    }

    @Test func aConfigurationThatBreaksTheSchemaHasItsCode() throws {
        let workspace = try TestWorkspace(copying: [ConfigSchemaSet.mainSchemaPath], from: SourceTree.root)
        defer { workspace.remove() }
        let root = workspace.root
        let loader = ConfigLoader(projectRoot: root, environment: [:])
        func code(_ text: String?) -> ErrorCode? {
            let file = root.appendingPathComponent("config/acme-prod-config.yaml")
            try? FileManager.default.removeItem(at: file)
            if let text { try? Data(text.utf8).write(to: file) }
            do { _ = try loader.load(org: "acme", env: "prod", registry: SecretRegistry()) } catch {
                return HelpfulError.wrapping(error).code
            }
            return nil
        }
        #expect(code("global: {}\nscript-behavior: {}\n") == nil)
        #expect(code("global: {}\nscript-behavior:\n  rate-limiting:\n    burst-size: 1.5\n") == .configSchemaViolation)
        #expect(code("global: [1, 2\n") == .configSyntax)
        #expect(code("") == .configFileEmpty)
        #expect(code(nil) == .configFileMissing)
    }
}
