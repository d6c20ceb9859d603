import JSONSchema
import Synchronization

/// The problems found in a targets file (or in `--orgs`/`--envs`), collected so that all of a
/// kind are reported at once, as one `HelpfulError` located at the first.
final class FleetTargetProblems: Sendable {
    /// One problem.
    struct Problem {
        var message: String
        var location: SourceLocation
        var keyPath: String?
        var solution: String?
    }

    /// The file shown in messages.
    let file: String
    private let problems = Mutex<[Problem]>([])

    /// The most problems listed one by one.
    static let maxListed = 50

    init(file: String) {
        self.file = file
    }

    /// Adds a problem at `location`.
    func add(_ message: String, at location: SourceLocation, keyPath: String?, solution: String? = nil) {
        problems.withLock { $0.append(Problem(message: message, location: location, keyPath: keyPath, solution: solution)) }
    }

    /// Throws the problems collected so far (and forgets them), if any.
    func throwIfAny(exitCode: ExitCode) throws(HelpfulError) {
        let found = problems.withLock { list in defer { list = [] }; return list }
        guard let first = found.first else { return }
        var lines = found.prefix(Self.maxListed).map { "\(FleetTargetsFile.position(file, $0.location)): \($0.message)" }
        if found.count > Self.maxListed { lines.append("… and \(found.count - Self.maxListed) more") }
        let configuration = exitCode == .configuration
        throw HelpfulError(
            code: configuration ? .fleetTargetsWithoutConfiguration : .fleetTargetsInvalid,
            problem: found.count == 1
                ? "\(file): \(first.message)"
                : "\(file) has \(found.count) problems; the first: \(first.message)",
            solution: first.solution ?? (configuration
                ? "Create the missing configurations, or remove those targets from the list"
                : "Fix every entry listed, then run the fleet again; nothing has run yet"),
            example: configuration ? "runbook validate --all" : "targets:\n  - { org: acme, env: prod, options: { limit: 10 } }",
            location: FleetTargetsFile.location(file, first.location, keyPath: first.keyPath),
            details: found.count > 1 ? lines : [],
            exitCode: exitCode)
    }
}
