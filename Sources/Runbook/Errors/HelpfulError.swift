/// The one error type a user sees: what went wrong, how to fix it, an example, and where.
///
/// Every failure Runbook reports (configuration, HTTP, output, a script's own errors) is
/// rendered through `HelpfulErrorRenderer` from this shape, with the exit code it carries.
///
/// Every error has a stable `code` (`RB-CFG-001`-style, listed in `docs/errors.md`); an error a
/// script raises without one carries `ErrorCode.scriptRaised` (`RB-SCR-001`).
///
/// ```swift
/// throw HelpfulError(
///     problem: "Customer file data/customers.csv has no 'email' column",
///     solution: "Add an 'email' column header to the CSV",
///     example: "id,name,email",
///     location: .file("data/customers.csv", line: 1, column: 1)
/// )
/// ```
public struct HelpfulError: Error, Sendable, Equatable {
    /// The stable code of this kind of error, e.g. `RB-CFG-001`.
    public var code: ErrorCode
    /// What went wrong, in one sentence.
    public var problem: String
    /// How to fix it.
    public var solution: String
    /// An example of the fix (a command, a config snippet), if there is a useful one.
    public var example: String?
    /// Where the problem is: file position, key path, URL.
    public var location: ErrorLocation?
    /// Further lines (for example every schema violation), shown under the problem.
    public var details: [String]
    /// The exit code a run ends with when this error stops it.
    public var exitCode: ExitCode

    /// Creates an error. The code defaults to `RB-SCR-001` (raised by a script), the exit code to
    /// 1 (the script failed).
    public init(
        code: ErrorCode = .scriptRaised,
        problem: String,
        solution: String,
        example: String? = nil,
        location: ErrorLocation? = nil,
        details: [String] = [],
        exitCode: ExitCode = .scriptFailed
    ) {
        self.code = code
        self.problem = problem
        self.solution = solution
        self.example = example
        self.location = location
        self.details = details
        self.exitCode = exitCode
    }
}

/// An error that knows how to present itself as a `HelpfulError` (HTTP errors, configuration
/// errors, …). The renderer uses this to show every failure the same way.
public protocol HelpfulErrorConvertible: Error {
    /// The error as the user should see it.
    var helpfulError: HelpfulError { get }
}

extension HelpfulError: HelpfulErrorConvertible {
    public var helpfulError: HelpfulError { self }
}
