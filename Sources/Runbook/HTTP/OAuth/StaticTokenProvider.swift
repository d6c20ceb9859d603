/// A fixed token (the `az-token` secret): never refreshed.
public struct StaticTokenProvider: AccessTokenProvider {
    private let secret: Secret

    /// Creates a provider for a fixed bearer token.
    public init(_ secret: Secret) {
        self.secret = secret
    }

    public func token() async throws -> String { secret.reveal() }

    public func invalidate(_ token: String) async {}
}
