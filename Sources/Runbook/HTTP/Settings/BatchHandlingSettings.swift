/// `script-behavior.batch-handling` (the part the HTTP clients read).
///
/// | key | type | default |
/// |---|---|---|
/// | `read-batch-size` | integer 1–1000 | 20 (`$top` page size, capped at 1000) |
public struct BatchHandlingSettings: Decodable, Sendable, Equatable {
    /// Page size for `$top/$skip` paging.
    public var readBatchSize: Int

    /// Creates the section.
    public init(readBatchSize: Int = 20) {
        self.readBatchSize = readBatchSize
    }

    enum CodingKeys: String, CodingKey {
        case readBatchSize = "read-batch-size"
    }
}
