import RunbookTransport
import Synchronization

/// The connection of an exchange that is still connecting, for task cancellation: a cancel
/// before the connection exists makes the exchange stop once it does; after, it ends the
/// connection's blocked call at once.
final class ConnectionSlot: Sendable {
    private let state = Mutex<(connection: SocketConnection?, cancelled: Bool)>((nil, false))

    /// The connection, once held.
    var connection: SocketConnection? { state.withLock { $0.connection } }

    /// Holds `connection`; false when the exchange was cancelled already.
    func hold(_ connection: SocketConnection) -> Bool {
        state.withLock { state in
            guard !state.cancelled else { return false }
            state.connection = connection
            return true
        }
    }

    /// Marks the exchange cancelled and interrupts its connection, if any.
    func cancel() {
        state.withLock { state in
            state.cancelled = true
            state.connection?.interrupt()
        }
    }
}
