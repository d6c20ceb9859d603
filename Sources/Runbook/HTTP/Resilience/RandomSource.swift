import Synchronization

/// Where jitter gets its randomness. Inject a fixed source in tests so every delay is exact.
///
/// ```swift
/// struct Midpoint: RandomSource { func unitValue() -> Double { 0.5 } }
/// ```
public protocol RandomSource: Sendable {
    /// A value in `0 ..< 1`.
    func unitValue() -> Double
}

/// The system's random number generator.
public struct SystemRandomSource: RandomSource {
    /// Creates the source.
    public init() {}

    /// A value in `0 ..< 1`.
    public func unitValue() -> Double { Double.random(in: 0..<1) }
}

/// A source that repeats a list of values in order (for tests and reproducible runs).
public final class SequenceRandomSource: RandomSource {
    private let values: [Double]
    private let index = Mutex(0)

    /// Creates a source returning `values` in turn, wrapping around; an empty list returns 0.5.
    public init(_ values: [Double]) {
        self.values = values
    }

    /// A value in `0 ..< 1`.
    public func unitValue() -> Double {
        guard !values.isEmpty else { return 0.5 }
        return index.withLock { index in
            defer { index += 1 }
            return values[index % values.count]
        }
    }
}
