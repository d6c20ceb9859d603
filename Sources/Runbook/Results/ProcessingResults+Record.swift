extension ProcessingResults {
    /// Everything recorded, per kind. `redactor` removes secrets from identifiers (known values
    /// only) and reasons (known values and patterns).
    public func items(redactor: Redactor? = nil) -> RunRecord.Items {
        func clean(_ outcome: Outcome) -> [Entry] {
            entries(outcome).map { entry in
                guard let redactor else { return entry }
                return Entry(identifier: redactor.redactSecrets(entry.identifier), reason: entry.reason.map(redactor.redact))
            }
        }
        return RunRecord.Items(
            created: clean(.created), updated: clean(.updated), skipped: clean(.skipped),
            failed: clean(.failed), expected: clean(.expected))
    }
}
