import Synchronization

/// Every secret value a run knows: loaded from the secrets file and `RUNBOOK_SECRET_*`
/// variables, or obtained at run time (OAuth tokens). The redactor reads it on every log
/// line, error and output, so a value registered here never leaves the process in clear.
///
/// One registry per run; it is handed around through the service container, never global.
public final class SecretRegistry: Sendable {
    /// One registered value and the name it is known by (nil for a value obtained at run time).
    public struct Entry: Sendable, Equatable {
        /// The secret's key (`client-secret`), never its value; nil when registered without one.
        public var name: String?
        /// The value.
        public var value: String
    }

    private let storage = Mutex<[Entry]>([])
    private let generation = Atomic<Int>(0)

    /// Creates an empty registry.
    public init() {}

    /// Registers a value to be redacted from now on, with the key it is known by when it has one
    /// (errors name the key, never the value). Values shorter than 4 characters are ignored:
    /// redacting every "a" or "12" would destroy the text and protect nothing.
    public func register(_ value: String, name: String? = nil) {
        guard value.count >= 4 else { return }
        let changed = storage.withLock { entries -> Bool in
            if let index = entries.firstIndex(where: { $0.value == value }) {
                guard entries[index].name == nil, name != nil else { return false }
                entries[index].name = name
                return true
            }
            entries.append(Entry(name: name, value: value))
            // Longest first, so that a secret containing another is redacted whole.
            entries.sort { $0.value.count > $1.value.count }
            return true
        }
        if changed { generation.add(1, ordering: .releasing) }
    }

    /// Registers a secret's value under its name.
    public func register(_ secret: Secret) {
        register(secret.reveal(), name: secret.name)
    }

    /// The registered values, longest first.
    public var values: [String] {
        storage.withLock { $0.map(\.value) }
    }

    /// The registered values with their names, longest first.
    public var entries: [Entry] {
        storage.withLock { $0 }
    }

    /// A number that changes whenever a value is added (lets a redactor cache derived forms).
    public var version: Int {
        generation.load(ordering: .acquiring)
    }
}
