/// Who a run's log lines belong to: the run id, organisation, environment and script. A sink is
/// given them once, when the run's logging is made, and puts them on every line it writes: the
/// full run id (and org, env, script) in a JSON line, `run=<id>` at the end of a text line (the
/// short id on the console, the full one in the log file).
///
/// ```swift
/// let fields = RunLogFields(runID: runID, org: "acme", env: "prod", script: "customer-sync")
/// let file = try FileLogSink(url: url, format: .jsonLines, run: fields)
/// ```
public struct RunLogFields: Sendable, Equatable {
    /// The run's id.
    public var runID: RunID
    /// The organisation.
    public var org: String
    /// The environment.
    public var env: String
    /// The script's name.
    public var script: String

    /// Creates the fields of one run.
    public init(runID: RunID, org: String, env: String, script: String) {
        self.runID = runID
        self.org = org
        self.env = env
        self.script = script
    }

    /// The fields of `run`.
    package init(_ run: Run) {
        self.init(runID: run.id, org: run.org, env: run.env, script: run.script.name)
    }

    /// How much of the run id a text line shows.
    public enum IDForm: Sendable {
        /// The canonical id, `0194a3b2-5c1e-7a3f-9d2b-4c8e1f0a7b6d` (log files).
        case full
        /// Its last 12 hex digits, `4c8e1f0a7b6d`, as in the run's file names (the console).
        case short
    }
}
