import DemoAPI
import Foundation
import HTTPTypes
import Logging
import Runbook
import RunbookTesting
import Testing

/// The demo API over real sockets on 127.0.0.1, through Runbook's own client (manual clock: no real waits).
@Suite struct DemoAPITests {
    /// A small seed: 2000 items would mean 2000 routes to scan per request.
    static let seed = DemoSeed(customers: 8, invoices: 120, items: 3)

    static func start(_ options: DemoAPIOptions = DemoAPIOptions(port: 0, seed: seed)) throws -> DemoAPIServer {
        let server = DemoAPIServer(options: options)
        try server.start()
        return server
    }

    static func client(_ server: DemoAPIServer, clock: ManualClock = ManualClock(), tokens: (any AccessTokenProvider)? = nil)
        -> RestClient
    {
        RestClient(
            baseURL: server.apiBaseURL, transport: DefaultHTTPTransport(),
            behavior: HTTPBehaviorSettings(jitter: JitterSettings(minFactor: 1, maxFactor: 1)), tokenProvider: tokens,
            clock: clock, logger: Logger(label: "demo-api-test"))
    }

    @Test func customersAreFoundByFilterAndChangedWithTheirETag() async throws {
        let server = try Self.start()
        defer { server.stop() }
        let api = Self.client(server)
        let found = try await api.get("customers", query: ["$filter": "number eq 'C002'"])
        #expect(found.text == #"{"value":[{"@odata.etag":"W/\"1\"","city":"Stockholm","country":"SE","#
            + #""displayName":"Trey Research","email":"billing@treyresearch.example","id":"C002","number":"C002"}]}"#)
        #expect(try await api.get("customers(C002)").etag == #"W/"1""#)

        let stale = await #expect(throws: HTTPRequestError.self) {
            try await api.patch("customers(C002)", json: ["city": "Malmö"], ifMatch: #"W/"7""#)
        }
        #expect(stale?.status == 412)
        #expect(stale?.serviceMessage == #"The ETag W/"7" does not match the current version W/"1" of customer C002: read it again"#)
        let changed = try await api.patch("customers(C002)", json: ["city": "Malmö"], ifMatch: #"W/"1""#)
        #expect(changed.etag == #"W/"2""#)
        #expect(server.customer("C002")?.city == "Malmö")
        let missing = await #expect(throws: HTTPRequestError.self) { try await api.get("customers(C404)") }
        #expect(missing?.status == 404)
    }

    @Test func createsACustomerOnceThenConflicts() async throws {
        let server = try Self.start()
        defer { server.stop() }
        let api = Self.client(server)
        let created = try await api.post("customers", json: ["number": "C100", "displayName": "Contoso"])
        #expect(created.status.code == 201)
        #expect(created.headerFields[.location] == "customers(C100)")
        #expect(try await api.get("customers(C100)").etag == #"W/"1""#)
        let again = await #expect(throws: HTTPRequestError.self) {
            try await api.post("customers", json: ["number": "C100", "displayName": "Contoso"])
        }
        #expect(again?.status == 409)
    }

    @Test func invoicesArePagedWithNextLinks() async throws {
        let server = try Self.start()
        defer { server.stop() }
        let pages = Self.client(server).pages("invoices", style: .topSkip(pageSize: 1000))
        var sizes: [Int] = []
        for try await page in pages { sizes.append(page.items.count) }
        #expect(sizes == [50, 50, 20])
        #expect(server.requestLog == [
            "GET /api/v2.0/invoices?$top=1000", "GET /api/v2.0/invoices?$top=50&$skip=50",
            "GET /api/v2.0/invoices?$top=50&$skip=100",
        ])
        let open = try await Self.client(server).pages("invoices", query: ["$filter": "status eq 'Overdue'"]).collectItems()
        #expect(open.count == 24)
    }

    @Test func anAsyncJobIsPolledUntilItCompletes() async throws {
        let server = try Self.start()
        defer { server.stop() }
        let clock = ManualClock()
        let done = try await Self.client(server, clock: clock).post("jobs", json: ["type": "recalculate"])
        #expect(done.status.code == 200)
        #expect(done.text == #"{"id":1,"status":"Completed"}"#)
        #expect(server.requestLog == ["POST /api/v2.0/jobs", "GET /api/v2.0/jobs(1)", "GET /api/v2.0/jobs(1)", "GET /api/v2.0/jobs(1)"])
        #expect(clock.sleeps == [.seconds(1), .seconds(1), .seconds(1)])
    }

    @Test func aTokenFromTheClientCredentialsEndpointOpensTheAPI() async throws {
        let server = try Self.start(DemoAPIOptions(port: 0, seed: Self.seed, requiresToken: true))
        defer { server.stop() }
        let withoutToken = await #expect(throws: HTTPRequestError.self) { try await Self.client(server).get("customers(C001)") }
        #expect(withoutToken?.status == 401)
        let tokens = ClientCredentialsTokenProvider(
            tokenURL: server.tokenURL, clientID: "demo-client", clientSecret: Secret(name: "client-secret", value: "demo-secret"),
            scope: "api://demo/.default", transport: DefaultHTTPTransport(), clock: ManualClock())
        let customer = try await Self.client(server, tokens: tokens).get("customers(C001)")
        #expect(customer.status.code == 200)
        #expect(server.requestLog == ["GET /api/v2.0/customers(C001)", "POST /oauth2/v2.0/token", "GET /api/v2.0/customers(C001)"])
    }

    @Test func injectedFaultsAreRetriedByTheClient() async throws {
        let server = try Self.start()
        defer { server.stop() }
        let clock = ManualClock()
        let api = Self.client(server, clock: clock)
        let admin = try await api.post(server.apiBaseURL.absoluteString.replacingOccurrences(of: "/api/v2.0/", with: "/_admin/faults"),
                                       json: ["fail-next": 2, "fail-status": 429, "retry-after": 3])
        #expect(admin.text == #"{"fail-next":2,"fail-rate":0,"fail-status":429,"retry-after":3,"slow-ms":0}"#)
        #expect(try await api.get("customers(C001)").status.code == 200)
        #expect(clock.sleeps == [.seconds(3), .seconds(3)])
        #expect(server.count("GET", "/api/v2.0/customers(C001)") == 3)
    }

    @Test func itemPricesAreSetWithOrWithoutAnETag() async throws {
        let server = try Self.start()
        defer { server.stop() }
        let api = Self.client(server)
        let first = try await api.patch("items(ITEM-0002)", json: ["unitPrice": 12.5], idempotencyKey: "k1")
        #expect(first.text == #"{"@odata.etag":"W/\"2\"","id":"ITEM-0002","number":"ITEM-0002","unitPrice":12.5}"#)
        let stale = await #expect(throws: HTTPRequestError.self) {
            try await api.patch("items(ITEM-0002)", json: ["unitPrice": 13], ifMatch: #"W/"1""#)
        }
        #expect(stale?.status == 412)
        let unknown = await #expect(throws: HTTPRequestError.self) { try await api.patch("items(ITEM-0004)", json: ["unitPrice": 1]) }
        #expect(unknown?.status == 404)
        #expect(server.item("ITEM-0002")?.unitPriceCents == 1250)
    }

    @Test(arguments: [
        ("$filter", "number gt 'C001'", "$filter 'number gt 'C001'' is not supported: use field eq 'value'"),
        ("$filter", "phone eq '1'", "Customers have no field 'phone'"),
        ("$top", "-1", "$top must be a whole number ≥ 0, got '-1'"),
    ])
    func anUnsupportedQueryIsA400(name: String, value: String, message: String) async throws {
        let server = try Self.start()
        defer { server.stop() }
        let error = await #expect(throws: HTTPRequestError.self) {
            try await Self.client(server).get("customers", query: [name: value])
        }
        #expect(error?.status == 400)
        #expect(error?.serviceMessage == message)
    }
}
