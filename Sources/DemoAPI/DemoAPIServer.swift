public import Foundation
import LoopbackHTTPServer

/// A local stand-in for an ERP's REST/OData API on 127.0.0.1, for the example scripts, their
/// integration tests and hands-on demos. Everything lives under `/api/v2.0/`:
///
/// | route | what it does |
/// |---|---|
/// | `GET customers` | the customers, paged; `$filter=number eq 'C001'`, `$top`, `$skip` |
/// | `GET customers(C001)` | one customer with its `ETag` (404 when unknown) |
/// | `POST customers` | creates one (201, `Location`, `ETag`; 409 when the number exists) |
/// | `PATCH customers(C001)` | changes fields; needs `If-Match` (428 without, 412 on a stale ETag) |
/// | `GET invoices` | 120 posted invoices, server-driven paging with `@odata.nextLink` |
/// | `PATCH items(ITEM-0001)` | sets `unitPrice` (`If-Match` optional) |
/// | `POST jobs` | starts an async job: 202 + relative `Location: jobs(1)`; polls answer 202, then 200 |
/// | `POST /oauth2/v2.0/token` | client credentials (`demo-client` / `demo-secret`) → a bearer token |
/// | `GET`/`POST /_admin/faults` | reads or replaces the injected ``DemoFaults`` |
/// | `POST /_admin/reset` | restores the seeded data |
///
/// ```swift
/// let api = DemoAPIServer(options: DemoAPIOptions(port: 0))
/// try api.start()
/// defer { api.stop() }
/// harness.liveBaseURL = api.apiBaseURL          // http://127.0.0.1:<port>/api/v2.0/
/// ```
public final class DemoAPIServer: Sendable {
    /// The path every resource lives under.
    public static let basePath = "/api/v2.0/"
    /// The token endpoint's path.
    public static let tokenPath = "/oauth2/v2.0/token"

    /// The options the server was created with.
    public let options: DemoAPIOptions
    let server: LoopbackHTTPServer
    let store: DemoStore
    let injector: FaultInjector

    /// Creates a server (not yet listening).
    public init(options: DemoAPIOptions = DemoAPIOptions()) {
        self.options = options
        server = LoopbackHTTPServer(port: options.port)
        store = DemoStore(seed: options.seed)
        injector = FaultInjector(options.faults)
    }

    /// Installs the routes and starts listening.
    public func start() throws {
        DemoRoutes(server: server, store: store, injector: injector, options: options).install()
        try server.start()
    }

    /// Stops listening and closes every connection.
    public func stop() {
        server.stop()
    }

    /// The port (after ``start()``).
    public var port: UInt16 { server.port }

    /// `http://127.0.0.1:<port>/api/v2.0/`: the `global.api-base-url` of a configuration.
    public var apiBaseURL: URL { URL(string: "http://127.0.0.1:\(port)\(Self.basePath)")! }

    /// `http://127.0.0.1:<port>/oauth2/v2.0/token`: the `global.token-url` of a configuration.
    public var tokenURL: URL { URL(string: "http://127.0.0.1:\(port)\(Self.tokenPath)")! }

    /// The faults in force (changing them takes effect with the next request).
    public var faults: DemoFaults {
        get { injector.faults }
        set { injector.faults = newValue }
    }

    /// Every request received, as `METHOD target`, in order.
    public var requestLog: [String] { server.requestLog }

    /// How many requests `method path` received (path from the server root, query ignored).
    public func count(_ method: String, _ path: String) -> Int {
        server.count(method, path)
    }

    /// The customers now, sorted by number.
    public var customers: [DemoCustomer] { store.customers }

    /// One customer now.
    public func customer(_ number: String) -> DemoCustomer? { store.customer(number) }

    /// One item now.
    public func item(_ number: String) -> DemoItem? { store.item(number) }

    /// Restores the seeded data.
    public func reset() { store.reset() }
}
