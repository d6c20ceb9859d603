import Synchronization

/// What a run did, item by item: created, updated, skipped, failed (with a reason) and expected
/// errors (handled, not failures, e.g. a duplicate that already exists). Safe to record from
/// many tasks at once.
///
/// ```swift
/// let results = context.results
/// results.created("customers/C-1001")
/// results.failed("customers/C-1002", reason: "HTTP 422: email is invalid")
/// results.summary   // "❌ Completed with 1 failure: 1 created, 0 updated, 1 failed"
/// results.exitCode  // .completedWithFailures (2)
/// ```
public final class ProcessingResults: Sendable {
    /// The kinds of outcome.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// A record was created.
        case created
        /// A record was updated.
        case updated
        /// An item needed no change, or was left out on purpose.
        case skipped
        /// An item failed.
        case failed
        /// An error that was expected and handled (e.g. a duplicate); not a failure.
        case expected
    }

    /// One recorded item.
    public struct Entry: Sendable, Codable, Equatable {
        /// What the item is, e.g. `customers/acme/C-1001`.
        public var identifier: String
        /// Why it was skipped, failed or expected, if known.
        public var reason: String?

        /// Creates an entry.
        public init(identifier: String, reason: String? = nil) {
            self.identifier = identifier
            self.reason = reason
        }
    }

    /// How many items each outcome has.
    public struct Counts: Sendable, Codable, Equatable {
        /// Created items.
        public var created = 0
        /// Updated items.
        public var updated = 0
        /// Skipped items.
        public var skipped = 0
        /// Failed items.
        public var failed = 0
        /// Expected (handled) errors.
        public var expected = 0

        /// Creates counts.
        public init(created: Int = 0, updated: Int = 0, skipped: Int = 0, failed: Int = 0, expected: Int = 0) {
            self.created = created
            self.updated = updated
            self.skipped = skipped
            self.failed = failed
            self.expected = expected
        }

        /// The counts by outcome word (`created`, `updated`, …), as metrics label them.
        public var byOutcome: [String: Int] {
            ["created": created, "updated": updated, "skipped": skipped, "failed": failed, "expected": expected]
        }
    }

    private let state = Mutex<[Outcome: [Entry]]>([:])

    /// Creates empty results.
    public init() {}

    /// Records an outcome for an item.
    public func record(_ outcome: Outcome, _ identifier: String, reason: String? = nil) {
        state.withLock { $0[outcome, default: []].append(Entry(identifier: identifier, reason: reason)) }
    }

    /// Records a created item.
    public func created(_ identifier: String) { record(.created, identifier) }
    /// Records an updated item.
    public func updated(_ identifier: String) { record(.updated, identifier) }
    /// Records a skipped item.
    public func skipped(_ identifier: String, reason: String? = nil) { record(.skipped, identifier, reason: reason) }
    /// Records a failed item and why.
    public func failed(_ identifier: String, reason: String) { record(.failed, identifier, reason: reason) }
    /// Records an expected, handled error.
    public func expected(_ identifier: String, reason: String) { record(.expected, identifier, reason: reason) }

    /// The entries of one outcome, in recording order.
    public func entries(_ outcome: Outcome) -> [Entry] {
        state.withLock { $0[outcome] ?? [] }
    }

    /// The counts per outcome.
    public var counts: Counts {
        state.withLock { entries in
            Counts(created: entries[.created]?.count ?? 0, updated: entries[.updated]?.count ?? 0,
                   skipped: entries[.skipped]?.count ?? 0, failed: entries[.failed]?.count ?? 0,
                   expected: entries[.expected]?.count ?? 0)
        }
    }

    /// 0 when nothing failed, 2 (`completedWithFailures`) when anything did.
    public var exitCode: ExitCode {
        counts.failed > 0 ? .completedWithFailures : .success
    }

    /// One line for the end of the run (see `ResultsSummary` for the exact shapes).
    public var summary: String {
        ResultsSummary.line(counts)
    }
}
