/// `script-behavior.http`: what the REST clients accept in a response.
///
/// | key | type | default |
/// |---|---|---|
/// | `compression` | boolean | true (send `Accept-Encoding: gzip, deflate`) |
/// | `max-response-bytes` | integer ≥ 1 | 104857600 (100 MiB, the body as received) |
/// | `max-decoded-bytes` | integer ≥ 1 | 268435456 (256 MiB, the body after gzip/deflate decoding) |
public struct HTTPResponseSettings: Decodable, Sendable, Equatable {
    /// `compression`: ask for gzip/deflate (responses that arrive encoded are decoded either way).
    public var compression: Bool
    /// `max-response-bytes`: the largest body accepted as it comes off the wire.
    public var maxResponseBytes: Int
    /// `max-decoded-bytes`: the largest body accepted after decoding; decoding stops as soon as it is passed.
    public var maxDecodedBytes: Int

    /// The default of `max-response-bytes`.
    public static let defaultMaxResponseBytes = 100 * 1024 * 1024
    /// The default of `max-decoded-bytes`.
    public static let defaultMaxDecodedBytes = 256 * 1024 * 1024

    /// Creates the section.
    public init(
        compression: Bool = true, maxResponseBytes: Int = Self.defaultMaxResponseBytes,
        maxDecodedBytes: Int = Self.defaultMaxDecodedBytes
    ) {
        self.compression = compression
        self.maxResponseBytes = maxResponseBytes
        self.maxDecodedBytes = maxDecodedBytes
    }

    enum CodingKeys: String, CodingKey {
        case compression
        case maxResponseBytes = "max-response-bytes"
        case maxDecodedBytes = "max-decoded-bytes"
    }
}
