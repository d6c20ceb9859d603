public import JSONSchema

/// The items of every page of a collection, one at a time, as an `AsyncSequence`; pages are
/// fetched as the iteration reaches them, and a failing page is thrown.
///
/// ```swift
/// for try await customer in api.pages("customers").items {
///     …
/// }
/// ```
public struct RestItems: AsyncSequence, Sendable {
    /// One item.
    public typealias Element = JSONValue

    let pages: RestPages

    /// Starts at the first item of the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator())
    }

    /// Walks the items page by page.
    public struct Iterator: AsyncIteratorProtocol {
        var pages: RestPages.Iterator
        var pending: [JSONValue] = []
        var index = 0

        /// The next item, or nil after the last item of the last page.
        public mutating func next() async throws -> JSONValue? {
            while index == pending.count {
                guard let page = try await pages.next() else { return nil }
                pending = page.items
                index = 0
            }
            defer { index += 1 }
            return pending[index]
        }
    }
}

extension RestPages {
    /// The items of every page, one at a time.
    public var items: RestItems { RestItems(pages: self) }
}
