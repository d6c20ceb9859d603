import Synchronization

/// A small, typed dependency-injection container: one registration per service type (and per
/// name, where a script needs several services of one type), a single instance per run or a
/// fresh one per resolve, and overrides for tests.
///
/// ```swift
/// let container = ServiceContainer()
/// container.register(RunbookClock.self) { _ in SystemClock() }
/// container.register(CustomerRepository.self, lifetime: .perResolve) { resolver in
///     CustomerRepository(client: try resolver.resolve(RestClient.self))
/// }
/// let repository = try container.resolve(CustomerRepository.self)
/// ```
///
/// A missing registration and a dependency cycle are `HelpfulError`s naming the services.
public final class ServiceContainer: Sendable {
    /// How many instances a registration produces.
    public enum Lifetime: Sendable {
        /// One instance for the whole run, made on first use.
        case perRun
        /// A new instance every time it is resolved.
        case perResolve
    }

    /// Builds a service; it may resolve the services it depends on.
    public typealias Factory<Service> = @Sendable (ServiceResolver) throws -> Service

    struct Key: Hashable, Sendable, CustomStringConvertible {
        let type: ObjectIdentifier
        let metatype: any Any.Type
        let name: String?

        /// The type's name, made only for messages (`String(describing:)` on a type looks up
        /// protocol conformances, which is slow enough to matter at start-up).
        var typeName: String { String(describing: metatype) }

        var description: String {
            name.map { "\(typeName) named '\($0)'" } ?? typeName
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.type == rhs.type && lhs.name == rhs.name
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(type)
            hasher.combine(name)
        }
    }

    private struct Registration: Sendable {
        let lifetime: Lifetime
        let make: @Sendable (ServiceResolver) throws -> any Sendable
    }

    private struct State {
        var registrations: [Key: Registration] = [:]
        var instances: [Key: any Sendable] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty container.
    public init() {}

    /// Registers (or replaces) how to build a service. Replacing drops an instance already
    /// made, so a test's override always wins.
    public func register<Service: Sendable>(
        _ type: Service.Type = Service.self,
        name: String? = nil,
        lifetime: Lifetime = .perRun,
        factory: @escaping Factory<Service>
    ) {
        let key = Self.key(type, name: name)
        state.withLock { state in
            state.registrations[key] = Registration(lifetime: lifetime) { try factory($0) }
            state.instances[key] = nil
        }
    }

    /// Registers a ready-made instance (lifetime: per run).
    public func register<Service: Sendable>(_ type: Service.Type = Service.self, name: String? = nil, instance: Service) {
        register(type, name: name, lifetime: .perRun) { _ in instance }
    }

    /// Whether a service is registered.
    public func isRegistered<Service>(_ type: Service.Type, name: String? = nil) -> Bool {
        let key = Self.key(type, name: name)
        return state.withLock { $0.registrations[key] != nil }
    }

    /// The per-run instance of a service if something already resolved it; never builds one.
    package func existing<Service>(_ type: Service.Type = Service.self, name: String? = nil) -> Service? {
        let key = Self.key(type, name: name)
        return state.withLock { $0.instances[key] } as? Service
    }

    /// Resolves a service, building it (and what it depends on) if needed.
    public func resolve<Service>(_ type: Service.Type = Service.self, name: String? = nil) throws -> Service {
        try ServiceResolver(container: self, path: []).resolve(type, name: name)
    }

    func resolve<Service>(_ key: Key, as type: Service.Type, path: [Key]) throws -> Service {
        if path.contains(key) {
            throw HelpfulError(
                code: .runServiceCycle,
                problem: "Service dependency cycle: \((path + [key]).map(\.description).joined(separator: " → "))",
                solution: "Break the cycle: one of these services must not resolve the other in its factory",
                example: "Pass the shared value in as a parameter instead of resolving it",
                exitCode: .scriptFailed
            )
        }
        let (registration, existing) = state.withLock { state in
            (state.registrations[key], state.instances[key])
        }
        if let existing, let service = existing as? Service { return service }
        guard let registration else { throw missing(key) }
        let made = try registration.make(ServiceResolver(container: self, path: path + [key]))
        guard let service = made as? Service else { throw missing(key) }
        guard registration.lifetime == .perRun else { return service }
        let winner = state.withLock { state -> (any Sendable)? in
            if let winner = state.instances[key] { return winner }
            state.instances[key] = made
            return nil
        }
        return (winner as? Service) ?? service
    }

    private func missing(_ key: Key) -> HelpfulError {
        let known = state.withLock { $0.registrations.keys.map(\.description).sorted() }
        return HelpfulError(
            code: .runServiceMissing,
            problem: "No service registered for \(key)",
            solution: "Register it before the script runs (or in the test's overrides). Registered: "
                + (known.isEmpty ? "none" : known.joined(separator: ", ")),
            example: "container.register(\(key.typeName).self) { resolver in … }",
            exitCode: .scriptFailed
        )
    }

    static func key<Service>(_ type: Service.Type, name: String?) -> Key {
        Key(type: ObjectIdentifier(type), metatype: type, name: name)
    }
}

/// What a factory receives: resolves the services it depends on, detecting cycles.
public struct ServiceResolver: Sendable {
    let container: ServiceContainer
    let path: [ServiceContainer.Key]

    /// Resolves a dependency.
    public func resolve<Service>(_ type: Service.Type = Service.self, name: String? = nil) throws -> Service {
        try container.resolve(ServiceContainer.key(type, name: name), as: type, path: path)
    }
}
