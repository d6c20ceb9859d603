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

    /// Walks the pages.
    public struct Iterator: AsyncIteratorProtocol {
        let pages: RestPages
        var next: URL?
        var number = 0
        var skip = 0
        var seen: Set<String> = []
        var finished = false

        init(pages: RestPages) {
            self.pages = pages
        }

        /// The next page, or nil after the last; throws on any failure.
        public mutating func next() async throws -> RestPage? {
            guard !finished else { return nil }
            let request: RestRequest
            if let next {
                request = RestRequest(method: .get, path: next.absoluteString)
            } else {
                var query = pages.query
                if case .topSkip(let size) = pages.style {
                    query.append(URLQueryItem(name: "$top", value: String(size)))
                    if skip > 0 { query.append(URLQueryItem(name: "$skip", value: String(skip))) }
                }
                request = RestRequest(method: .get, path: pages.path, query: query)
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
            } else if case .topSkip(let size) = pages.style, parsed.page.items.count >= size, next == nil {
                skip += size
            } else {
                finished = true
            }
            if parsed.page.items.isEmpty && number > 1 {
                finished = true
                return nil
            }
            return parsed.page
        }
    }
}

extension RestClient {
    /// The pages of the collection at `path`. The page size defaults to
    /// `batch-handling.read-batch-size` (capped at 1000); `@odata.*` keys are stripped from the
    /// items unless `stripsODataKeys` is false.
    public func pages(
        _ path: String, query: [String: String] = [:], style: PagingStyle? = nil, stripsODataKeys: Bool = true
    ) -> RestPages {
        RestPages(
            client: self, path: path, query: RestRequest.items(query),
            style: style ?? .topSkip(pageSize: behavior.batchHandling.readBatchSize), stripsODataKeys: stripsODataKeys)
    }
}
