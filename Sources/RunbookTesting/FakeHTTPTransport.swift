public import Foundation
public import HTTPTypes
public import Runbook
import JSONSchema
import Synchronization

/// An in-memory ``HTTPTransport`` for tests: routes by method and path (query ignored) to canned
/// responses or closures, and records every request it receives.
///
/// ```swift
/// let transport = FakeHTTPTransport()
/// transport.route(.get, "/api/customers", responses: [
///     .json(503, #"{"error":{"message":"busy"}}"#),
///     .json(200, #"{"value":[]}"#),
/// ])
/// container.register((any HTTPTransport).self, instance: transport)
/// … run the code under test …
/// #expect(transport.requests(.get, "/api/customers").count == 2)
/// ```
///
/// Paths are `RoutePattern`s: `/api/customers/{id}`, `/api/files/**`. A literal route wins over a
/// pattern; among equals the latest wins.
///
/// A request without a route gets a `404` whose OData error message names the request and lists
/// every route, and is listed in `unmatchedRequests`. Under a `ScriptHarness` such a request fails
/// the run's result by default (``UnroutedRequests/fail``), so a test cannot pass by accident on a
/// 404 nobody routed; set `unroutedRequests = .answer404` when the 404 is what the test means.
public final class FakeHTTPTransport: HTTPTransport {
    /// What an unrouted request means to the test.
    public enum UnroutedRequests: Sendable, Equatable {
        /// The request is a mistake of the test: a `ScriptHarness` result fails (exit code 1, an error
        /// naming each unrouted request and the routes). The default.
        case fail
        /// The request gets the `404` and nothing else happens.
        case answer404
    }

    /// A request as the transport received it.
    public struct RecordedRequest: Sendable {
        /// The request head (method, URL parts, header fields).
        public var head: HTTPRequest
        /// The body.
        public var body: Data?
        /// The timeout the client gave this attempt.
        public var timeout: Duration

        /// The method.
        public var method: HTTPRequest.Method { head.method }
        /// The path without the query.
        public var path: String { String((head.path ?? "/").prefix { $0 != "?" }) }
        /// The full URL.
        public var url: URL? { head.url }
        /// The query items.
        public var query: [URLQueryItem] {
            url.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: false)?.queryItems } ?? []
        }
        /// A header field's value.
        public func header(_ name: String) -> String? {
            HTTPField.Name(name).flatMap { head.headerFields[$0] }
        }
        /// The body as UTF-8 text.
        public var bodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }
    }

    /// Produces a response for a request (may throw ``HTTPTransportError`` to simulate failures).
    public typealias Handler = @Sendable (RecordedRequest) async throws -> HTTPTransportResponse

    private struct Route {
        let method: HTTPRequest.Method
        let pattern: RoutePattern
        let handler: Handler
    }

    private let routes = Mutex<[Route]>([])
    private let recorded = Mutex<[RecordedRequest]>([])
    private let unmatched = Mutex<[RecordedRequest]>([])
    private let unroutedPolicy = Mutex(UnroutedRequests.fail)

    /// What an unrouted request means to the test (default ``UnroutedRequests/fail``).
    public var unroutedRequests: UnroutedRequests {
        get { unroutedPolicy.withLock { $0 } }
        set { unroutedPolicy.withLock { $0 = newValue } }
    }

    /// Creates a transport with no routes.
    public init() {}

    /// Routes `method path` to a closure (a later route for the same method and path wins).
    public func route(_ method: HTTPRequest.Method, _ path: String, handler: @escaping Handler) {
        routes.withLock { $0.insert(Route(method: method, pattern: RoutePattern(path), handler: handler), at: 0) }
    }

    /// Routes `method path` to responses returned in turn; the last one repeats.
    public func route(_ method: HTTPRequest.Method, _ path: String, responses: [HTTPTransportResponse]) {
        let index = Mutex(0)
        route(method, path) { _ in
            let position = index.withLock { index in
                defer { index += 1 }
                return index
            }
            return responses.isEmpty ? HTTPTransportResponse(status: 204) : responses[min(position, responses.count - 1)]
        }
    }

    /// Routes `method path` to one response, every time.
    public func route(_ method: HTTPRequest.Method, _ path: String, response: HTTPTransportResponse) {
        route(method, path, responses: [response])
    }

    /// Every request received, in order.
    public var requests: [RecordedRequest] {
        recorded.withLock { $0 }
    }

    /// The requests received for `method path` (a path or a `RoutePattern`).
    public func requests(_ method: HTTPRequest.Method, _ path: String) -> [RecordedRequest] {
        let pattern = RoutePattern(path)
        return requests.filter { $0.method == method && pattern.matches($0.path) }
    }

    /// Sends one request and returns the whole response.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        let record = RecordedRequest(head: request, body: body, timeout: timeout)
        recorded.withLock { $0.append(record) }
        let (handler, known) = routes.withLock { routes in
            let candidates = routes.filter { $0.method == record.method && $0.pattern.matches(record.path) }
            let chosen = candidates.first { $0.pattern.isLiteral } ?? candidates.first
            return (chosen?.handler, routes.reversed().map { "\($0.method.rawValue) \($0.pattern)" })
        }
        guard let handler else {
            unmatched.withLock { $0.append(record) }
            let message = "FakeHTTPTransport has no route for \(record.method.rawValue) \(record.path); routes: \(Self.listing(known))"
            return .json(404, #"{"error":{"message":\#(JSONStringLiteral.quoted(message))}}"#)
        }
        return try await handler(record)
    }

    /// The requests that matched no route (each got a 404 naming the routes).
    public var unmatchedRequests: [RecordedRequest] {
        unmatched.withLock { $0 }
    }

    /// Every route, `METHOD pattern`, in the order they were added.
    public var routeDescriptions: [String] {
        routes.withLock { $0.reversed().map { "\($0.method.rawValue) \($0.pattern)" } }
    }

    /// The routes as one line, `none` when there are none.
    static func listing(_ routes: [String]) -> String {
        routes.isEmpty ? "none" : routes.joined(separator: ", ")
    }

    /// The test failure for the unrouted requests, under ``UnroutedRequests/fail``; nil when every
    /// request had a route or unrouted requests are allowed.
    func unroutedRequestsFailure() -> HelpfulError? {
        let unrouted = unmatchedRequests
        guard unroutedRequests == .fail, let first = unrouted.first else { return nil }
        let requests = unrouted.map { "\($0.method.rawValue) \($0.path)" }
        let method = first.method.rawValue.lowercased()
        return HelpfulError(
            code: .harnessUnroutedRequests,
            problem: "\(unrouted.count) request\(unrouted.count == 1 ? "" : "s") matched no fake route: "
                + requests.joined(separator: ", "),
            solution: "Route every request the script sends (the routes are: \(Self.listing(routeDescriptions))), "
                + "or, when a 404 for an unrouted request is what the test means, set harness.http.unroutedRequests = .answer404",
            example: "harness.http.route(.\(method), \(JSONStringLiteral.quoted(first.path)), response: .json(200, #\"{\"value\": []}\"#))",
            exitCode: .scriptFailed)
    }
}

extension HTTPTransportResponse {
    /// A JSON response: `Content-Type: application/json` plus `headers`.
    public static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> HTTPTransportResponse {
        var fields: HTTPFields = [.contentType: "application/json"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return HTTPTransportResponse(status: status, headerFields: fields, body: Data(text.utf8))
    }

    /// A response with no body and `headers`.
    public static func status(_ status: Int, headers: [String: String] = [:]) -> HTTPTransportResponse {
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return HTTPTransportResponse(status: status, headerFields: fields)
    }
}
