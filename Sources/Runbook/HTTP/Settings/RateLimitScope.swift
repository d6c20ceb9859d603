public import Foundation

/// `script-behavior.rate-limiting.scope`: who shares a host's token bucket.
///
/// | value | the bucket is shared by | state |
/// |---|---|---|
/// | `run` (default) | the requests of one run | in memory |
/// | `fleet` | the concurrent targets of one `runbook fleet` (separate processes) | `tmp/rate-limits/fleet-<fleet id>/<host>.bucket` |
/// | `host` | every run of the project on this machine that calls that API host | `tmp/rate-limits/<host>.bucket` |
///
/// A run knows its fleet from `RUNBOOK_FLEET_ID` (the fleet's id), else from
/// `RUNBOOK_FLEET_PARENT_PID` (the coordinator's process id, which `runbook fleet` gives every
/// target: `fleet-pid-<pid>`). A run outside a fleet (neither variable) with scope `fleet` has a
/// bucket of its own, as with `run`.
public enum RateLimitScope: String, Sendable, Codable, CaseIterable {
    /// One bucket per host per run.
    case run
    /// One bucket per host per fleet, shared through a file.
    case fleet
    /// One bucket per host for the whole project folder on this machine, shared through a file.
    case host

    /// The environment variable a fleet coordinator sets for its targets: the fleet's id.
    public static let fleetIDVariable = "RUNBOOK_FLEET_ID"
    /// The coordinator's process id, which `runbook fleet` gives its targets (the fallback fleet key).
    public static let fleetParentVariable = "RUNBOOK_FLEET_PARENT_PID"

    /// The folder of the shared buckets under `projectRoot`, nil when the run's buckets are its own
    /// (scope `run`, or `fleet` outside a fleet). A fleet id that is not a plain identifier is ignored.
    public func stateFolder(projectRoot: URL, environment: [String: String]) -> URL? {
        let base = projectRoot.appendingPathComponent("tmp/rate-limits", isDirectory: true)
        switch self {
        case .run:
            return nil
        case .host:
            return base
        case .fleet:
            if let id = environment[Self.fleetIDVariable], !id.isEmpty, id.utf8.count <= 64,
               id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                return base.appendingPathComponent("fleet-\(id.lowercased())", isDirectory: true)
            }
            if environment[Self.fleetIDVariable] == nil, let parent = environment[Self.fleetParentVariable].flatMap({ Int32($0) }),
               parent > 0 {
                return base.appendingPathComponent("fleet-pid-\(parent)", isDirectory: true)
            }
            return nil
        }
    }
}
