/// An immutable array copied once into memory that never moves, so that the evaluator can read it
/// through an `UnsafeBufferPointer` (a borrow, no retain/release) for as long as the owner lives.
final class FrozenBuffer<Element: Sendable>: @unchecked Sendable {
    /// The elements; valid while this object is alive, never written after `init`.
    let buffer: UnsafeBufferPointer<Element>

    init(_ elements: [Element]) {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = storage.initialize(from: elements)
        buffer = UnsafeBufferPointer(storage)
    }

    deinit {
        let storage = UnsafeMutableBufferPointer(mutating: buffer)
        storage.deinitialize()
        storage.deallocate()
    }
}
