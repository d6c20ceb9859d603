/// A metrics export that did not happen, and why. A warning only: it never changes the run's
/// outcome or exit code.
public struct MetricsExportWarning: Sendable, Equatable, CustomStringConvertible {
    /// Where the metrics were to go (a file path, or the Pushgateway URL without credentials).
    public var destination: String
    /// Why they did not get there.
    public var reason: String

    /// Creates a warning.
    public init(destination: String, reason: String) {
        self.destination = destination
        self.reason = reason
    }

    /// `Metrics not exported to <destination>: <reason>`.
    public var description: String {
        "Metrics not exported to \(destination): \(reason)"
    }
}
