import Foundation
import HTTPTypes
import JSONSchema
import Runbook
import RunbookTesting
import Testing

@Suite("HTTP paging")
struct HTTPRestPagesTests {
    struct Customer: Decodable, Equatable {
        var id: Int
    }

    func ids(_ items: [JSONValue]) -> [Int64] {
        items.compactMap { item in
            guard case .object(let object) = item, case .integer(let id)? = object["id"]?.value else { return nil }
            return id
        }
    }

    @Test("follows @odata.nextLink (relative and absolute) and strips @odata keys")
    func nextLink() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/customers") { request in
            switch request.query.first(where: { $0.name == "$skiptoken" })?.value {
            case nil:
                return .json(200, #"{"@odata.context":"x","value":[{"id":1,"@odata.etag":"W/1"},{"id":2}],"@odata.nextLink":"customers?$skiptoken=2"}"#)
            case "2":
                return .json(200, #"{"value":[{"id":3}],"@odata.nextLink":"https://api.example.com/v2/customers?$skiptoken=3"}"#)
            default:
                return .json(200, #"{"value":[{"id":4,"active":true}]}"#)
            }
        }
        let pages = makeClient(transport).pages("customers", style: .serverLinks)
        let items = try await pages.collectItems()
        #expect(ids(items) == [1, 2, 3, 4])
        guard case .object(let first) = items[0], case .object(let last) = items[3] else { Issue.record("not objects"); return }
        #expect(first.keys == ["id"])
        #expect(last["active"]?.value.typeName == "boolean")
        #expect(transport.requests.count == 3)
        #expect(try await pages.collect(Customer.self) == [1, 2, 3, 4].map(Customer.init))
        var streamed: [JSONValue] = []
        for try await item in pages.items { streamed.append(item) }
        #expect(ids(streamed) == [1, 2, 3, 4])
    }

    @Test("follows Link: <…>; rel=\"next\"")
    func linkHeader() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/repos", response: .json(200, #"[{"id":1},{"id":2}]"#,
            headers: ["Link": #"<https://api.example.com/v2/repos2>; rel="next", <https://api.example.com/v2/repos>; rel="first""#]))
        transport.route(.get, "/v2/repos2", response: .json(200, #"[{"id":3}]"#))
        let items = try await makeClient(transport).pages("repos", style: .serverLinks).collectItems()
        #expect(ids(items) == [1, 2, 3])
    }

    @Test("$top/$skip with read-batch-size when the service offers no links")
    func topSkip() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/items") { request in
            let skip = Int(request.query.first { $0.name == "$skip" }?.value ?? "0")!
            let count = skip < 4 ? 2 : 1
            let items = (0..<count).map { #"{"id":\#(skip + $0)}"# }.joined(separator: ",")
            return .json(200, #"{"value":[\#(items)]}"#)
        }
        let behavior = HTTPBehaviorSettings(batchHandling: BatchHandlingSettings(readBatchSize: 2))
        let items = try await makeClient(transport, behavior: behavior).pages("items", query: ["$filter": "a eq 'b c'"]).collectItems()
        #expect(ids(items) == [0, 1, 2, 3, 4])
        #expect(transport.requests.compactMap { $0.url?.query }
            == ["$filter=a%20eq%20'b%20c'&$top=2", "$filter=a%20eq%20'b%20c'&$top=2&$skip=2", "$filter=a%20eq%20'b%20c'&$top=2&$skip=4"])
    }

    @Test("a failure midway is an error, never a partial result")
    func failureMidway() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/c", response: .json(200, #"{"value":[{"id":1}],"@odata.nextLink":"c2"}"#))
        transport.route(.get, "/v2/c2", response: .json(400, #"{"error":{"message":"bad skiptoken"}}"#))
        let error = await httpError { _ = try await makeClient(transport).pages("c", style: .serverLinks).collectItems() }
        #expect(error?.status == 400)
        #expect(error?.serviceMessage == "bad skiptoken")
    }

    @Test("a nextLink pointing back to a page already read is an error, not an endless loop")
    func loop() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/c", response: .json(200, #"{"value":[{"id":1}],"@odata.nextLink":"c"}"#))
        let error = await httpError { _ = try await makeClient(transport).pages("c", style: .serverLinks).collectItems() }
        #expect(error?.kind == .invalidResponse)
        #expect(transport.requests.count == 1)
    }

    @Test("a body that is not a collection is an error naming the page")
    func notCollection() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/c", response: .json(200, #"{"id":1}"#))
        let error = await httpError { _ = try await makeClient(transport).pages("c").collectItems() }
        #expect(error?.helpfulError.problem
            == "GET https://api.example.com/v2/c?$top=20 returned an unexpected response: page 1 has neither a 'value' array nor a top-level array of JSON")
    }

    @Test("deeply nested or truncated JSON is an error, never a crash", arguments: [
        ("20000 open brackets", Int?.none), ("300 nested arrays", 1), ("truncated object", nil), ("empty body", nil),
    ])
    func hostileBodies(name: String, expectedCount: Int?) async throws {
        let body = switch name {
        case "20000 open brackets": String(repeating: "[", count: 20_000)
        case "300 nested arrays": String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        case "truncated object": #"{"value":[{"id":1"#
        default: ""
        }
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/c", response: .json(200, body))
        let items = try? await makeClient(transport).pages("c", style: .serverLinks).collectItems()
        #expect(items?.count == expectedCount)
    }

    @Test("an empty page that still links on is followed, not the end of the collection", arguments: [PagingStyle.serverLinks, .topSkip(pageSize: 3)])
    func emptyPageWithNextLink(style: PagingStyle) async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/c", response: .json(200, #"{"value":[{"id":1},{"id":2},{"id":3}],"@odata.nextLink":"c2"}"#))
        transport.route(.get, "/v2/c2", response: .json(200, #"{"value":[],"@odata.nextLink":"c3"}"#))
        transport.route(.get, "/v2/c3", response: .json(200, #"{"value":[{"id":4},{"id":5},{"id":6}]}"#))
        let items = try await makeClient(transport).pages("c", style: style).collectItems()
        #expect(ids(items) == [1, 2, 3, 4, 5, 6])
        #expect(transport.requests.count == 3)
    }

    @Test("endless empty pages that link on end in an error after the bound, never in a partial result")
    func endlessEmptyPages() async throws {
        let transport = FakeHTTPTransport()
        transport.route(.get, "/v2/c") { request in
            let page = Int(request.query.first { $0.name == "page" }?.value ?? "1")!
            let items = page == 1 ? #"{"id":1}"# : ""
            return .json(200, #"{"value":[\#(items)],"@odata.nextLink":"c?page=\#(page + 1)"}"#)
        }
        let error = await httpError { _ = try await makeClient(transport).pages("c", style: .serverLinks).collectItems() }
        let bound = RestPages.maximumConsecutiveEmptyPages
        #expect(transport.requests.count == 1 + bound)
        #expect(error?.kind == .invalidResponse)
        #expect(error?.helpfulError.problem == "GET https://api.example.com/v2/c?page=\(bound + 1) returned an unexpected response: "
            + "pages 2 to \(bound + 1) are all empty and each links to a next page; "
            + "stopped after \(bound) empty pages in a row rather than return a partial result")
        #expect(error?.helpfulError.exitCode == .scriptFailed)
    }

    @Test("a $top or $skip the caller passes wins and is sent once; pages adds only what is missing", arguments: [
        ("items", ["$top": "50"], ["$top=50", "$top=50&$skip=50"]),
        ("items", ["$TOP": "3", "$filter": "x"], ["$filter=x&$top=3", "$filter=x&$top=3&$skip=3"]),
        ("items", ["$skip": "10"], ["$top=2&$skip=10", "$top=2&$skip=12"]),
        ("items?$top=4&$skip=8", [:], ["$top=4&$skip=8", "$top=4&$skip=12"]),
        ("items?$filter=x&$top=4", ["$top": "5"], ["$filter=x&$top=5", "$filter=x&$top=5&$skip=5"]),
        ("items?$filter=x", [:], ["$filter=x&$top=2", "$filter=x&$top=2&$skip=2"]),
    ] as [(String, [String: String], [String])])
    func callerPagingParameters(path: String, query: [String: String], expected: [String]) async throws {
        let transport = FakeHTTPTransport()
        let calls = Counter()
        transport.route(.get, "/v2/items") { request in
            // Two full pages, then a short one.
            let full = calls.next() <= 2
            let size = Int(request.query.first { $0.name == "$top" }?.value ?? "0")!
            let items = (0..<(full ? size : 1)).map { #"{"id":\#($0)}"# }.joined(separator: ",")
            return .json(200, #"{"value":[\#(items)]}"#)
        }
        let behavior = HTTPBehaviorSettings(batchHandling: BatchHandlingSettings(readBatchSize: 2))
        _ = try await makeClient(transport, behavior: behavior).pages(path, query: query).collectItems()
        let queries = transport.requests.compactMap { $0.url?.query }
        #expect(Array(queries.prefix(2)) == expected)
        #expect(queries.count == 3)
        for query in queries {
            let names = query.split(separator: "&").map { $0.split(separator: "=")[0].lowercased() }
            #expect(Set(names).count == names.count, "a parameter sent twice: \(query)")
        }
    }
}
