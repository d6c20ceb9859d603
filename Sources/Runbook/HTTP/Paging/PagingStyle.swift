/// How a collection is paged.
public enum PagingStyle: Sendable, Equatable {
    /// Send `$top=pageSize` and `$skip` (a `$top` or `$skip` the caller passes wins; neither is
    /// sent twice); follow `@odata.nextLink` or `Link: rel="next"` when the service gives one,
    /// else ask for the next `$skip` while pages come back full.
    case topSkip(pageSize: Int)
    /// Send no paging parameters; follow only `@odata.nextLink` / `Link: rel="next"`.
    case serverLinks
}
