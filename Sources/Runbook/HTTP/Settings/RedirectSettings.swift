/// `redirects` in `global` or `apis.<name>`: how the API's client answers a 301, 302, 303, 307 or 308.
///
/// | key | type | default |
/// |---|---|---|
/// | `follow` | boolean | true |
/// | `max` | integer 0–20 | 5 (redirects per call) |
/// | `cross-origin` | boolean | false (scheme, host and port must stay the same) |
///
/// `Authorization` and `Cookie` are never sent to another origin, even with `cross-origin: true`.
public struct RedirectSettings: Decodable, Sendable, Equatable {
    /// `follow`: whether redirects are followed at all (false: the 3xx response is returned as it is).
    public var follow: Bool
    /// `max`: redirects followed per call before it fails.
    public var max: Int
    /// `cross-origin`: whether a redirect may lead to another scheme, host or port.
    public var crossOrigin: Bool

    /// Creates the section.
    public init(follow: Bool = true, max: Int = 5, crossOrigin: Bool = false) {
        self.follow = follow
        self.max = max
        self.crossOrigin = crossOrigin
    }

    enum CodingKeys: String, CodingKey {
        case follow
        case max
        case crossOrigin = "cross-origin"
    }
}
