import Foundation

/// The query of each page in the `$top/$skip` style: the caller's items, then `$top` and, from
/// the first page with an offset on, `$skip`, each sent exactly once. A `$top` or `$skip` the
/// caller gave (in the query items or in the path's own query; names compared case-insensitively,
/// as OData 4.01 does) wins: its `$top` is the page size, its `$skip` the first page's offset.
struct PagingQuery: Sendable {
    /// The path, without a `$top` or `$skip` its query had.
    let path: String
    /// The caller's query items without `$top` and `$skip`.
    let items: [URLQueryItem]
    /// Items per full page: the caller's `$top` when it is a number, else the default.
    let pageSize: Int
    /// The `$top` value sent.
    let top: String
    /// The first page's offset: the caller's `$skip`, else 0.
    let firstSkip: Int

    /// Splits the caller's `$top`/`$skip` off `path` and `query`.
    init(path: String, query: [URLQueryItem], defaultPageSize: Int) {
        var top: String?
        var skip: String?
        var kept: [String] = []
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 {
            for member in parts[1].split(separator: "&", omittingEmptySubsequences: false) {
                let pair = member.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(pair[0]).removingPercentEncoding ?? String(pair[0])
                let value = pair.count == 2 ? String(pair[1]).removingPercentEncoding ?? String(pair[1]) : ""
                switch name.lowercased() {
                case "$top": top = value
                case "$skip": skip = value
                default: kept.append(String(member))
                }
            }
            self.path = kept.isEmpty ? String(parts[0]) : "\(parts[0])?\(kept.joined(separator: "&"))"
        } else {
            self.path = path
        }
        var items: [URLQueryItem] = []
        for item in query {
            switch item.name.lowercased() {
            case "$top": top = item.value ?? ""
            case "$skip": skip = item.value ?? ""
            default: items.append(item)
            }
        }
        self.items = items
        let callerSize = top.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { Swift.max($0, 1) }
        pageSize = callerSize ?? defaultPageSize
        self.top = top ?? String(defaultPageSize)
        firstSkip = skip.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { Swift.max($0, 0) } ?? 0
    }

    /// The items of the page `skipped` items after the first page.
    func items(skipped: Int) -> [URLQueryItem] {
        var query = items
        query.append(URLQueryItem(name: "$top", value: top))
        let offset = firstSkip + skipped
        if offset > 0 { query.append(URLQueryItem(name: "$skip", value: String(offset))) }
        return query
    }
}
