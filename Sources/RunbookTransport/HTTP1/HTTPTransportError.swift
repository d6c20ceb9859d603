/// A failure below HTTP: no connection, a timeout, a broken response, a rejected certificate.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The attempt took longer than its timeout.
        case timedOut
        /// The connection could not be made or was lost.
        case connectionFailed
        /// The peer sent something that is not HTTP/1.1.
        case invalidResponse
        /// The URL cannot be sent by this transport (scheme, host).
        case unsupportedURL
        /// The TLS handshake failed or the server's certificate was not accepted (expired, from an
        /// untrusted CA, issued for another host). Sending again does not help.
        case tlsFailed
    }

    /// What kind of failure.
    public var kind: Kind
    /// A short description (never contains request headers or bodies).
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message, as shown to the user.
    public var description: String { message }
}
