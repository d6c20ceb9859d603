import Synchronization

/// Set once: whether the transport's client has been (or is being) shut down.
final class ShutdownFlag: Sendable {
    private let done = Atomic<Bool>(false)

    /// True for the first caller only.
    func claim() -> Bool {
        !done.exchange(true, ordering: .acquiringAndReleasing)
    }
}
