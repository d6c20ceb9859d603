import Foundation
import Runbook

/// How a fleet runs: everything `runbook fleet` decided from its command line.
struct FleetSettings: Sendable {
    /// The script every target runs.
    var script: String
    /// The project root (absolute), given to every child as `--project-root`.
    var projectRoot: URL
    /// The `runbook` executable the children run (`/proc/self/exe` unless `RUNBOOK_FLEET_EXECUTABLE` says).
    var executable: String
    /// `--max-parallel`.
    var maxParallel: Int
    /// `--output`.
    var output: FleetOutputMode
    /// `--halt-after`, if given.
    var haltAfter: FleetHaltBudget?
    /// `--target-timeout`, if given.
    var targetTimeout: Duration?
    /// The wait between SIGTERM and SIGKILL for a target past its timeout.
    var killGrace: Duration = .seconds(5)
    /// `--retries`: extra attempts for a target that exited 75.
    var retries: Int
    /// `--retry-delay`: the wait before each retry (the service said "later").
    var retryDelay: Duration = .seconds(30)
    /// The fleet's id, given to every child as `RUNBOOK_FLEET_ID` (the folder of a fleet-scoped
    /// rate limit, `rate-limiting.scope: fleet`).
    var fleetID: String?
    /// Runner options given to every child (`--dry-run`, `--log-level`, `--log-format`).
    var runnerArguments: [String]
    /// Script options from the fleet's command line, after each target's own.
    var scriptArguments: [String]
    /// `--json`: standard output carries only the fleet record; the targets' output goes to
    /// standard error.
    var json = false

    /// The command line of one attempt of `target`.
    func childArguments(for target: FleetTarget) -> [String] {
        ["run", script, target.org, target.env, "--project-root", projectRoot.path] + runnerArguments
            + ["--"] + target.arguments + scriptArguments
    }

    /// The executable of this process (Linux: `/proc/self/exe`), unless the environment names another.
    static func executable(environment: [String: String]) -> String {
        if let path = environment["RUNBOOK_FLEET_EXECUTABLE"], !path.isEmpty { return path }
        // The running executable itself, even when the file was replaced since (a rebuild, an upgrade).
        if FileManager.default.fileExists(atPath: "/proc/self/exe") { return "/proc/self/exe" }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

/// `--output`: how the children's output reaches the console.
enum FleetOutputMode: String, Sendable, CaseIterable {
    /// Each child's output as one block when it finishes (never interleaved).
    case grouped
    /// Each line as it comes, prefixed `acme/prod | `.
    case prefixed
}

/// `--halt-after N` or `P%`: the failure budget.
struct FleetHaltBudget: Sendable, Equatable {
    /// A number of failed targets, or a percentage of all targets.
    enum Limit: Sendable, Equatable {
        case count(Int)
        case percent(Double)
    }

    var limit: Limit

    /// Parses `3` or `10%`.
    init?(_ text: String) {
        if text.hasSuffix("%"), let percent = Double(text.dropLast()), percent > 0, percent <= 100 {
            limit = .percent(percent)
        } else if let count = Int(text), count > 0 {
            limit = .count(count)
        } else {
            return nil
        }
    }

    /// Whether `failures` failed targets out of `total` use up the budget.
    func isExhausted(failures: Int, total: Int) -> Bool {
        switch limit {
        case .count(let count): return failures >= count
        case .percent(let percent): return failures > 0 && Double(failures) * 100 >= percent * Double(total)
        }
    }
}

/// Parses `--target-timeout` and `--retry-delay`: `90`, `90s`, `500ms`, `5m`, `2h` (`0` only
/// `allowingZero`).
enum FleetDuration {
    static func parse(_ text: String, allowingZero: Bool = false) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let least = allowingZero ? 0.0 : Double.leastNonzeroMagnitude
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value >= least, value.isFinite else { return nil }
            return .milliseconds(Int64((value * factor * 1000).rounded()))
        }
        guard let seconds = Double(text), seconds >= least, seconds.isFinite else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
