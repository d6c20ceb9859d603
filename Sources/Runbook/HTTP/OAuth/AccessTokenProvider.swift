/// Supplies the bearer token ``RestClient`` sends. On a `401` the client calls
/// ``invalidate(_:)`` with the token it used, asks again, and retries the request once.
///
/// ```swift
/// let token = try await provider.token()
/// ```
public protocol AccessTokenProvider: Sendable {
    /// A valid token (fetched, or cached until shortly before it expires).
    func token() async throws -> String
    /// Forgets `token` if it is still the current one, so the next ``token()`` fetches anew.
    func invalidate(_ token: String) async
}
