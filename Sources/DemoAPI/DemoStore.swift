import Synchronization

/// The demo ERP's data, in memory and safe to use from every connection thread. Seeded
/// deterministically (see `DemoStore+Seed.swift`), so every start serves the same records.
final class DemoStore: Sendable {
    struct State {
        var customers: [String: DemoCustomer] = [:]
        var invoices: [DemoInvoice] = []
        var items: [String: DemoItem] = [:]
        /// Async operations: polls left before each finishes.
        var operations: [Int: Int] = [:]
        var nextOperation = 1
        var issuedTokens: Set<String> = []
    }

    let seed: DemoSeed
    private let state: Mutex<State>

    init(seed: DemoSeed) {
        self.seed = seed
        state = Mutex(seed.makeState())
    }

    /// Forgets every change and restores the seed.
    func reset() {
        let fresh = seed.makeState()
        state.withLock { $0 = fresh }
    }

    func withState<T>(_ body: (inout State) -> T) -> T {
        state.withLock { body(&$0) }
    }

    func customer(_ number: String) -> DemoCustomer? {
        state.withLock { $0.customers[number] }
    }

    var customers: [DemoCustomer] {
        state.withLock { $0.customers.values.sorted { $0.number < $1.number } }
    }

    var invoices: [DemoInvoice] {
        state.withLock { $0.invoices }
    }

    func item(_ number: String) -> DemoItem? {
        state.withLock { $0.items[number] }
    }
}
