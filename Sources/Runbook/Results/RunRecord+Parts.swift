public import Foundation

extension RunRecord {
    /// The error that ended a run, as the user saw it (secrets removed).
    public struct Failure: Sendable, Codable, Equatable {
        /// The error's stable code (`RB-CFG-001`-style); nil only in a record written before codes existed.
        public var code: ErrorCode?
        /// What went wrong.
        public var problem: String
        /// How to fix it.
        public var solution: String
        /// An example of the fix.
        public var example: String?
        /// Where the problem is.
        public var location: ErrorLocation?
        /// Further lines.
        public var details: [String]
        /// The exit code the error carries.
        public var exitCode: Int32

        /// The record of a `HelpfulError` (pass it already redacted).
        public init(_ error: HelpfulError) {
            code = error.code
            problem = error.problem
            solution = error.solution
            example = error.example
            location = error.location
            details = error.details
            exitCode = error.exitCode.rawValue
        }
    }

    /// One file the run wrote (through the run's output store), as it was when it was put in place.
    public struct WrittenFile: Sendable, Codable, Equatable {
        /// The path relative to the project root, e.g. `output/report_2025-01-25T143045Z_4c8e1f0a7b6d.csv`.
        public var path: String
        /// The file's size in bytes.
        public var bytes: Int64
        /// The SHA-256 of the file's bytes, 64 lower-case hex digits, computed while writing.
        public var sha256: String
        /// The id of the transaction that wrote it, when it was written in one.
        public var transaction: String?

        /// Creates an entry.
        public init(path: String, bytes: Int64, sha256: String, transaction: String? = nil) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.transaction = transaction
        }
    }

    /// One output transaction of the run (`OutputStore.transaction`): its files, all in place or none.
    public struct Transaction: Sendable, Codable, Equatable {
        /// How a transaction ended.
        public enum State: String, Sendable, Codable {
            /// Every file is in place.
            case committed
            /// No file was put in place (the block threw, or the run was interrupted).
            case rolledBack
        }

        /// The transaction's id (unique in the run).
        public var id: String
        /// How it ended.
        public var state: State
        /// The paths of its files, relative to the project root.
        public var files: [String]

        /// Creates an entry.
        public init(id: String, state: State, files: [String]) {
            self.id = id
            self.state = state
            self.files = files
        }
    }

    /// The recorded items, per kind, in recording order.
    public struct Items: Sendable, Codable, Equatable {
        /// Created items.
        public var created: [ProcessingResults.Entry] = []
        /// Updated items.
        public var updated: [ProcessingResults.Entry] = []
        /// Skipped items.
        public var skipped: [ProcessingResults.Entry] = []
        /// Failed items with reasons.
        public var failed: [ProcessingResults.Entry] = []
        /// Expected, handled errors.
        public var expected: [ProcessingResults.Entry] = []

        /// Creates items.
        public init(created: [ProcessingResults.Entry] = [], updated: [ProcessingResults.Entry] = [],
                    skipped: [ProcessingResults.Entry] = [], failed: [ProcessingResults.Entry] = [],
                    expected: [ProcessingResults.Entry] = []) {
            self.created = created
            self.updated = updated
            self.skipped = skipped
            self.failed = failed
            self.expected = expected
        }
    }

    /// Where and as whom a run ran.
    public struct Origin: Sendable, Equatable {
        /// The host name.
        public var host: String
        /// The user name.
        public var user: String

        /// Creates an origin.
        public init(host: String, user: String) {
            self.host = host
            self.user = user
        }
    }
}
