public import Foundation

extension FleetRecord {
    /// One target of a fleet.
    public struct Entry: Sendable, Codable, Equatable {
        /// Where the target is.
        public enum Status: String, Sendable, Codable, CaseIterable {
            /// Not started yet.
            case pending
            /// Its run is going (in a record whose coordinator was killed: it never finished).
            case running
            /// Its run ended (see `outcome`).
            case finished
            /// Never started: the fleet halted or was interrupted first.
            case skipped
        }

        /// Position in the targets file (0-based).
        public var index: Int
        /// The organisation.
        public var org: String
        /// The environment.
        public var env: String
        /// The script arguments the target ran with.
        public var arguments: [String]
        /// Where the target is.
        public var status: Status
        /// The run id of its last attempt (from its run record), when known.
        public var runId: RunID?
        /// How its last attempt ended.
        public var outcome: RunRecord.Outcome?
        /// Its last attempt's exit code.
        public var exitCode: Int32?
        /// Its attempts' total duration, on the coordinator's monotonic clock.
        public var durationSeconds: Double?
        /// Attempts made (`--retries` adds attempts for exit 75).
        public var attempts: Int
        /// The run record's counts.
        public var counts: ProcessingResults.Counts?
        /// The run record's path, relative to the project root.
        public var recordPath: String?
        /// The error that ended the run (from its record, or the coordinator's: a timeout, a crash).
        public var error: RunRecord.Failure?

        /// Creates an entry.
        public init(
            index: Int, org: String, env: String, arguments: [String] = [], status: Status = .pending, runId: RunID? = nil,
            outcome: RunRecord.Outcome? = nil, exitCode: Int32? = nil, durationSeconds: Double? = nil, attempts: Int = 0,
            counts: ProcessingResults.Counts? = nil, recordPath: String? = nil, error: RunRecord.Failure? = nil
        ) {
            self.index = index
            self.org = org
            self.env = env
            self.arguments = arguments
            self.status = status
            self.runId = runId
            self.outcome = outcome
            self.exitCode = exitCode
            self.durationSeconds = durationSeconds
            self.attempts = attempts
            self.counts = counts
            self.recordPath = recordPath
            self.error = error
        }

        /// A pending entry for `target`.
        public init(_ target: FleetTarget) {
            self.init(index: target.index, org: target.org, env: target.env, arguments: target.arguments)
        }

        /// The target this entry runs.
        public var target: FleetTarget {
            FleetTarget(org: org, env: env, arguments: arguments, index: index)
        }

        /// `acme/prod`.
        public var name: String { "\(org)/\(env)" }

        /// Whether the target finished with outcome `succeeded`.
        public var succeeded: Bool { status == .finished && outcome == .succeeded }
    }
}
