/// A secret value (a password, a client secret, a token). Its description is always redacted,
/// so printing, logging or interpolating a `Secret` never shows the value; call `reveal()` at
/// the one place that must send it.
///
/// ```swift
/// let secret = try context.secrets.require("client-secret")
/// logger.info("using \(secret)")            // logs "using Secret(client-secret, redacted)"
/// request.body = "client_secret=\(secret.reveal())"
/// ```
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret's name (e.g. `client-secret`); not itself secret.
    public let name: String
    private let value: String

    /// Creates a secret.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The value itself. Use it only to send it where it is needed.
    public func reveal() -> String { value }

    /// Whether the value is empty (a placeholder from an example file).
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "Secret(\(name), redacted)" }
    public var debugDescription: String { description }
}
