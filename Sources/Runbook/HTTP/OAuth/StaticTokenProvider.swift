/// A fixed token (the `az-token` secret): never refreshed.
public struct StaticTokenProvider: AccessTokenProvider {
    private let secret: Secret

    /// Creates a provider for a fixed bearer token.
    public init(_ secret: Secret) {
        self.secret = secret
    }

    /// A valid token.
    public func token() async throws -> String { secret.reveal() }

    /// Forgets `token` if it is still the current one.
    public func invalidate(_ token: String) async {}
}
