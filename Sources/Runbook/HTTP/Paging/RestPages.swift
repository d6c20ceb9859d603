public import Foundation
import HTTPTypes
public import JSONSchema

/// The pages of a collection as an `AsyncSequence`; a failure on any page is thrown, never a
/// silently partial result. Follows `@odata.nextLink` (absolute or relative), `Link: <…>;
/// rel="next"`, or `$top/$skip` where the service offers neither. A link that repeats throws
/// instead of looping forever.
///
/// ```swift
/// for try await page in api.pages("customers", query: ["$filter": "city eq 'Oslo'"]) {
///     for item in page.items { … }
/// }
/// let all = try await api.pages("customers").collectItems()
/// ```
public struct RestPages: AsyncSequence, Sendable {
    /// A page.
    public typealias Element = RestPage

    let client: RestClient
    let path: String
    let query: [URLQueryItem]
    let style: PagingStyle
    let stripsODataKeys: Bool

    /// Creates the sequence (nothing is fetched until iteration).
    public init(client: RestClient, path: String, query: [URLQueryItem], style: PagingStyle, stripsODataKeys: Bool) {
        self.client = client
        self.path = path
        self.query = query
        if case .topSkip(let size) = style {
            self.style = .topSkip(pageSize: Swift.min(Swift.max(size, 1), 1000))
        } else {
            self.style = style
        }
        self.stripsODataKeys = stripsODataKeys
    }

    /// Starts at the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: self)
    }

    /// Every item of every page.
    public func collectItems() async throws -> [JSONValue] {
        var items: [JSONValue] = []
        for try await page in self { items += page.items }
        return items
    }

    /// Every item of every page, decoded as `T`.
    public func collect<T: Decodable>(_ type: T.Type) async throws -> [T] {
        var items: [T] = []
        for try await page in self { items += try page.decode(type) }
        return items
    }

    /// Empty pages in a row that link to a next page before the sequence throws instead of
    /// following more (an empty page is legal; an endless run of them is a service fault).
    public static let maximumConsecutiveEmptyPages = 20

    /// Walks the pages.
    public struct Iterator: AsyncIteratorProtocol {
        let pages: RestPages
        /// The `$top/$skip` query (nil in the server-links style).
        let paging: PagingQuery?
        var next: URL?
        var number = 0
        var skip = 0
        var seen: Set<String> = []
        var finished = false
        var yieldedAny = false

        init(pages: RestPages) {
            self.pages = pages
            if case .topSkip(let size) = pages.style {
                paging = PagingQuery(path: pages.path, query: pages.query, defaultPageSize: size)
            } else {
                paging = nil
            }
        }

        /// The next page, or nil after the last; throws on any failure. Empty pages that link
        /// on are followed, not returned; an empty collection is one empty page.
        public mutating func next() async throws -> RestPage? {
            var emptyInARow = 0
            while !finished {
                let request: RestRequest
                if let next {
                    request = RestRequest(method: .get, path: next.absoluteString)
                } else if let paging {
                    request = RestRequest(method: .get, path: paging.path, query: paging.items(skipped: skip))
                } else {
                    request = RestRequest(method: .get, path: pages.path, query: pages.query)
                }
                let response = try await pages.client.send(request)
                number += 1
                let parsed = try PageParser.parse(response, number: number, stripsODataKeys: pages.stripsODataKeys)
                seen.insert(response.url.absoluteString)
                if let link = parsed.nextLink {
                    guard !seen.contains(link.absoluteString) else {
                        throw HTTPRequestError(
                            kind: .invalidResponse, method: "GET", url: pages.client.redacted(response.url),
                            detail: "page \(number) links back to a page already read (\(pages.client.redacted(link)))")
                    }
                    next = link
                } else if let paging, parsed.page.items.count >= paging.pageSize, next == nil {
                    skip += paging.pageSize
                } else {
                    finished = true
                }
                if !parsed.page.items.isEmpty || (finished && !yieldedAny) {
                    yieldedAny = true
                    return parsed.page
                }
                emptyInARow += 1
                if !finished && emptyInARow >= RestPages.maximumConsecutiveEmptyPages {
                    throw HTTPRequestError(
                        kind: .invalidResponse, method: "GET", url: pages.client.redacted(response.url),
                        detail: "pages \(number - emptyInARow + 1) to \(number) are all empty and each links to a next page; "
                            + "stopped after \(emptyInARow) empty pages in a row rather than return a partial result")
                }
            }
            return nil
        }
    }
}

extension RestClient {
    /// The pages of the collection at `path`. `@odata.*` keys are stripped from the items unless
    /// `stripsODataKeys` is false.
    ///
    /// What `pages` adds to your query, in the default `$top/$skip` style: `$top` (the page size,
    /// `batch-handling.read-batch-size` capped at 1000) on every page, and `$skip` (the offset) from
    /// the second page on. A `$top` or `$skip` you pass, in `query` or in `path`, wins and is sent
    /// once: your `$top` is the page size, your `$skip` the first page's offset. Links the service
    /// gives (`@odata.nextLink`, `Link: <…>; rel="next"`) are followed exactly as given, with
    /// nothing added; in the ``PagingStyle/serverLinks`` style nothing is ever added. An empty page
    /// that links on is followed (at most ``RestPages/maximumConsecutiveEmptyPages`` in a row, then
    /// an ``HTTPRequestError`` is thrown rather than a partial result returned).
    ///
    /// ```swift
    /// // GET customers?$filter=…&$top=50, then …&$top=50&$skip=50, … until a page comes back short
    /// for try await page in api.pages("customers", query: ["$filter": "city eq 'Oslo'", "$top": "50"]) { … }
    /// ```
    public func pages(
        _ path: String, query: [String: String] = [:], style: PagingStyle? = nil, stripsODataKeys: Bool = true
    ) -> RestPages {
        RestPages(
            client: self, path: path, query: RestRequest.items(query),
            style: style ?? .topSkip(pageSize: behavior.batchHandling.readBatchSize), stripsODataKeys: stripsODataKeys)
    }
}
