import Foundation
import HTTPTypes
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP errors")
struct HTTPErrorTests {
    @Test("the service's own message is found in every common shape", arguments: [
        (#"{"error":{"code":"X","message":"OData says no"}}"#, "application/json", "OData says no"),
        (#"{"error":"invalid_grant","error_description":"expired"}"#, "application/json", "expired"),
        (#"{"message":"plain message"}"#, "application/json", "plain message"),
        (#"{"title":"Problem title","status":422}"#, "application/problem+json", "Problem title"),
        ("upstream exploded", "text/plain", "upstream exploded"),
        ("<html>nope</html>", "text/html", nil),
    ])
    func serviceMessage(body: String, contentType: String, expected: String?) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/x", response: HTTPTransportResponse(
            status: 422, headerFields: [.contentType: contentType], body: Data(body.utf8)))
        let error = await httpError { _ = try await makeClient(transport).get("x") }
        #expect(error?.serviceMessage == expected)
    }

    @Test("request id headers are found", arguments: ["request-id", "x-request-id", "x-ms-request-id", "x-correlation-id"])
    func requestID(name: String) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/x", response: .json(500, "{}", headers: [name: "rid-9"]))
        let error = await httpError { _ = try await makeClient(transport, behavior: .retries(0)).get("x") }
        #expect(error?.requestID == "rid-9")
    }

    @Test("URLs lose userinfo, secret-looking query values and registered secrets; tokens never appear")
    func redaction() async throws {
        let registry = SecretRegistry()
        registry.register("tenant-secret-42")
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/files", response: .json(403, #"{"error":{"message":"denied for tenant-secret-42"}}"#))
        let client = makeClient(transport, tokens: StaticTokenProvider(Secret(name: "az-token", value: "bearer-value-xyz")),
                                registry: registry, base: "https://bob:pw@api.example.com/v2/")
        let error = await httpError {
            _ = try await client.get("files", query: ["api_key": "k1", "countryCode": "NO", "sig": "abc", "t": "tenant-secret-42"])
        }
        let helpful = try #require(error?.helpfulError)
        #expect(helpful.problem
            == "GET https://api.example.com/v2/files?api_key=***&countryCode=NO&sig=***&t=*** failed with HTTP 403: denied for ***")
        #expect(helpful.solution.hasPrefix("The credentials are valid but lack permission"))
        #expect(!"\(helpful)".contains("bearer-value-xyz"))
        #expect(transport.requests.first?.header("Authorization") == "Bearer bearer-value-xyz")
    }

    @Test("a hint for every status family", arguments: [
        (400, "The service rejected the request"), (409, "The resource already exists or changed meanwhile"),
        (412, "The ETag sent in If-Match is stale"), (422, "The service could not process the data"),
        (429, "The service is throttling"), (502, "The service failed"), (418, "Check the request against"),
    ])
    func hints(status: Int, prefix: String) {
        let error = HTTPRequestError(kind: .status, method: "GET", url: "https://x/", status: status)
        #expect(error.helpfulError.solution.hasPrefix(prefix))
    }

    @Test("paths, absolute URLs, query encoding and If-Match reach the transport")
    func requestShape() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.patch, "/v2/customers(42)", response: .status(204))
        transport.route(.get, "/other/x", response: .json(200, "{}"))
        let client = makeClient(transport, base: "https://api.example.com/v2")
        try await client.patch("/customers(42)", json: ["name": "Ø & co"], ifMatch: "W/\"7\"")
        _ = try await client.get("https://api.example.com/other/x", query: ["q": "a+b c"])
        let patch = transport.requests[0]
        #expect(patch.url?.absoluteString == "https://api.example.com/v2/customers(42)")
        #expect(patch.header("If-Match") == "W/\"7\"")
        #expect(patch.header("Content-Type") == "application/json")
        #expect(patch.header("Accept") == "application/json")
        #expect(try JSONDecoder().decode([String: String].self, from: patch.body ?? Data()) == ["name": "Ø & co"])
        #expect(transport.requests[1].url?.absoluteString == "https://api.example.com/other/x?q=a%2Bb%20c")
    }

    @Test("relative paths are escaped once; a query written into the path is kept", arguments: [
        ("customers('Øst Å')", "https://api.example.com/v2/customers('%C3%98st%20%C3%85')"),
        ("items?$top=5&$filter=a eq 'b'", "https://api.example.com/v2/items?$top=5&$filter=a%20eq%20'b'"),
        ("already%20escaped", "https://api.example.com/v2/already%20escaped"),
        ("/a/b(1)/c", "https://api.example.com/v2/a/b(1)/c"),
    ])
    func pathEscaping(path: String, expected: String) async throws {
        let transport = FakeHTTPTransport()
        _ = await httpError { _ = try await makeClient(transport).get(path) }
        #expect(transport.requests.first?.url?.absoluteString == expected)
    }

    @Test("an unparsable absolute URL is shown without its credentials or secret query values")
    func unparsableURL() async throws {
        let error = await httpError { _ = try await makeClient(FakeHTTPTransport()).get("ftp://bob:hunter2@files.example.com/x?token=abc&x=1") }
        #expect(error?.helpfulError.problem
            == "GET ftp://files.example.com/x?token=***&x=1 cannot be sent: 'ftp://files.example.com/x?token=***&x=1' is not a valid http(s) URL")
    }

    @Test("decoding a body into the wrong type names the type and the key")
    func decodeError() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/c", response: .json(200, #"{"id":"seven"}"#))
        struct Customer: Decodable { var id: Int }
        let error = await httpError { _ = try await makeClient(transport).get(Customer.self, "c") }
        #expect(error?.helpfulError.problem
            == "GET https://api.example.com/v2/c returned an unexpected response: the body is not a valid Customer: expected Int at id")
    }

    @Test("a relative path without a base URL is a clear error")
    func noBase() async throws {
        let client = RestClient(baseURL: nil, transport: FakeHTTPTransport(), clock: ManualClock())
        let error = await httpError { _ = try await client.get("customers") }
        #expect(error?.helpfulError.problem
            == "GET customers cannot be sent: 'customers' is not an absolute URL and no api-base-url is configured")
    }
}
