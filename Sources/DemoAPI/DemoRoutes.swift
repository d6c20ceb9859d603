import Foundation
import LoopbackHTTPServer

/// The demo API's routes. `LoopbackHTTPServer` matches exact paths, so an entity's own paths
/// (`customers(C001)`) are registered per entity: for the seed at start, and on creation.
/// A path that was never registered (an unknown key) gets the server's 404.
struct DemoRoutes: Sendable {
    let server: LoopbackHTTPServer
    let store: DemoStore
    let injector: FaultInjector
    let options: DemoAPIOptions

    /// Installs every route. Items first: a later route is matched first, so the thousands of item
    /// routes go to the back of the list.
    func install() {
        installItems()
        installCustomers()
        installInvoices()
        installJobs()
        installOAuth()
        installAdmin()
    }

    /// `/api/v2.0/<relative>`.
    static func path(_ relative: String) -> String {
        DemoAPIServer.basePath + relative
    }

    /// Registers a resource route: bearer check (when required), injected faults and delay, then `handler`.
    func resource(_ method: String, _ relative: String, _ handler: @escaping LoopbackHTTPServer.Handler) {
        let (store, injector, requiresToken) = (store, injector, options.requiresToken)
        server.route(method, Self.path(relative)) { request in
            var response: LoopbackResponse
            if requiresToken, !Self.isAuthorized(request, store: store) {
                response = DemoJSON.error(
                    401, "Unauthorized", "A bearer token from \(DemoAPIServer.tokenPath) is required",
                    headers: [("WWW-Authenticate", "Bearer")])
            } else if let failure = injector.failure() {
                response = failure
            } else {
                response = handler(request)
            }
            response.delay = injector.delay
            return response
        }
    }

    static func isAuthorized(_ request: LoopbackRequest, store: DemoStore) -> Bool {
        guard let value = request.header("Authorization"), value.hasPrefix("Bearer ") else { return false }
        let token = String(value.dropFirst("Bearer ".count))
        return store.withState { $0.issuedTokens.contains(token) }
    }

    /// A page of `items` for a collection request: `$top` (capped at the maximum page size), `$skip`,
    /// and `@odata.nextLink` (absolute, from the `Host` header) while more items follow.
    func page<Item: Encodable & Sendable>(_ items: [Item], query: ODataQuery, request: LoopbackRequest) -> LoopbackResponse {
        let size = min(query.top ?? options.maxPageSize, options.maxPageSize)
        let start = min(query.skip, items.count)
        let end = min(start + size, items.count)
        var nextLink: String?
        if end < items.count, size > 0 {
            var parts: [String] = []
            if let filter = request.query["$filter"] { parts.append("$filter=" + Self.encodeQueryValue(filter)) }
            parts += ["$top=\(size)", "$skip=\(end)"]
            let host = request.header("Host").map { "http://\($0)" } ?? ""
            nextLink = host + request.path + "?" + parts.joined(separator: "&")
        }
        return DemoJSON.response(200, CollectionJSON(value: Array(items[start..<end]), nextLink: nextLink))
    }

    /// Percent-encodes a query value the way Runbook's client does (`$`, `'`, `(`, `)` stay readable).
    static func encodeQueryValue(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~$'(),:@/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Parses the request's OData options, or answers 400.
    static func query(_ request: LoopbackRequest) -> Result<ODataQuery, ODataQueryError> {
        ODataQuery.parse(request.query)
    }
}
