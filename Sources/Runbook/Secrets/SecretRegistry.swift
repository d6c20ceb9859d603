import Synchronization

/// Every secret value a run knows: loaded from the secrets file and `RUNBOOK_SECRET_*`
/// variables, or obtained at run time (OAuth tokens). The redactor reads it on every log
/// line, error and output, so a value registered here never leaves the process in clear.
///
/// One registry per run; it is handed around through the service container, never global.
public final class SecretRegistry: Sendable {
    private let storage = Mutex<[String]>([])
    private let generation = Atomic<Int>(0)

    /// Creates an empty registry.
    public init() {}

    /// Registers a value to be redacted from now on. Values shorter than 4 characters are
    /// ignored: redacting every "a" or "12" would destroy the text and protect nothing.
    public func register(_ value: String) {
        guard value.count >= 4 else { return }
        storage.withLock { values in
            guard !values.contains(value) else { return }
            values.append(value)
            // Longest first, so that a secret containing another is redacted whole.
            values.sort { $0.count > $1.count }
        }
        generation.add(1, ordering: .releasing)
    }

    /// Registers a secret's value.
    public func register(_ secret: Secret) {
        register(secret.reveal())
    }

    /// The registered values, longest first.
    public var values: [String] {
        storage.withLock { $0 }
    }

    /// A number that changes whenever a value is added (lets a redactor cache derived forms).
    public var version: Int {
        generation.load(ordering: .acquiring)
    }
}
