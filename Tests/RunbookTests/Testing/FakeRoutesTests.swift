import Foundation
import Runbook
import RunbookTesting
import Testing

@Suite struct FakeRoutesTests {
    @Test(arguments: [
        ("/api/customers", "/api/customers", true),
        ("/api/customers", "/api/customers/1", false),
        ("/api/customers/{id}", "/api/customers/C001", true),
        ("/api/customers/{id}", "/api/customers/", false),
        ("/api/customers/*/orders", "/api/customers/7/orders", true),
        ("/api/files/**", "/api/files/a/b/c.txt", true),
        ("/api/files/**", "/api/other", false),
    ])
    func patternsMatchSegments(pattern: String, path: String, matches: Bool) {
        #expect(RoutePattern(pattern).matches(path) == matches)
    }

    @Test func literalRoutesWinOverPatterns() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/c/{id}", response: .json(200, #"{"from":"pattern"}"#))
        transport.route(.get, "/c/special", response: .json(200, #"{"from":"literal"}"#))
        let special = try await transport.send(HTTPRequest(method: .get, scheme: "http", authority: "t", path: "/c/special"), body: nil, timeout: .seconds(1))
        let other = try await transport.send(HTTPRequest(method: .get, scheme: "http", authority: "t", path: "/c/42"), body: nil, timeout: .seconds(1))
        #expect(String(decoding: special.body, as: UTF8.self) == #"{"from":"literal"}"#)
        #expect(String(decoding: other.body, as: UTF8.self) == #"{"from":"pattern"}"#)
        #expect(transport.requests(.get, "/c/{id}").count == 2)
    }

    struct Caller: Script {
        static let name = "caller"
        static let summary = "calls one endpoint"
        init() {}
        func run(_ context: ScriptContext) async throws {
            _ = try await context.restClient().get("customers/C001")
        }
    }

    @Test func anUnmatchedRequestFailsTheRunWithTheRouteListing() async throws {
        let harness = ScriptHarness(Caller.self)
        harness.http.route(.get, "/customers", response: .json(200, "[]"))
        harness.http.route(.post, "/customers", response: .json(201, "{}"))
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        #expect(result.unmatchedRequests.map(\.path) == ["/customers/C001"])
        #expect(result.renderedError?.contains(
            "FakeHTTPTransport has no route for GET /customers/C001; routes: GET /customers, POST /customers") == true)
    }

    /// Treats a 404 as "not there yet", the way an upsert does: an unrouted request would pass.
    struct LenientCaller: Script {
        static let name = "lenient-caller"
        static let summary = "treats a 404 as a missing record"
        init() {}
        func run(_ context: ScriptContext) async throws {
            do {
                _ = try await context.restClient().get("customers/C001")
            } catch {
                context.results.created("customer/C001")
            }
        }
    }

    @Test func anUnroutedRequestFailsTheResultEvenWhenTheScriptSwallowsThe404() async throws {
        let harness = ScriptHarness(LenientCaller.self)
        harness.http.route(.post, "/customers", response: .json(201, "{}"))
        let result = await harness.run()
        #expect(result.runExitCode == .success)
        #expect(result.exitCode == .scriptFailed)
        #expect(result.error == HelpfulError(
            code: .harnessUnroutedRequests,
            problem: "1 request matched no fake route: GET /customers/C001",
            solution: "Route every request the script sends (the routes are: POST /customers), or, when a 404 for an "
                + "unrouted request is what the test means, set harness.http.unroutedRequests = .answer404",
            example: ##"harness.http.route(.get, "/customers/C001", response: .json(200, #"{"value": []}"#))"##))
    }

    @Test func unroutedRequestsMayBeAllowed() async throws {
        let harness = ScriptHarness(LenientCaller.self)
        harness.http.unroutedRequests = .answer404
        let result = await harness.run()
        #expect(result.exitCode == .success)
        #expect(result.error == nil)
        #expect(result.unmatchedRequests.map(\.path) == ["/customers/C001"])
    }
}
