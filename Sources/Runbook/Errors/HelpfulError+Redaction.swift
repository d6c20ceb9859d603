extension HelpfulError {
    /// A copy with `redact` applied to every text field.
    public func redacted(_ redact: (String) -> String) -> HelpfulError {
        var copy = self
        copy.problem = redact(problem)
        copy.solution = redact(solution)
        copy.example = example.map(redact)
        copy.details = details.map(redact)
        copy.location?.file = location?.file.map(redact)
        copy.location?.url = location?.url.map(redact)
        copy.location?.origin = location?.origin.map(redact)
        copy.location?.keyPath = location?.keyPath.map(redact)
        return copy
    }

    /// A copy that went through the same redaction as a log line, field by field, so the
    /// structure survives: the prose (problem, solution, example, details), the URL and the
    /// origin get both layers (known secret values and the patterns); the file path and the key
    /// path get known values only, and line and column are numbers, untouched.
    ///
    /// ```swift
    /// let shown = error.redacted(by: run.redactor)   // "password=[REDACTED]" in the problem
    /// ```
    public func redacted(by redactor: Redactor) -> HelpfulError {
        var copy = self
        copy.problem = redactor.redact(problem)
        copy.solution = redactor.redact(solution)
        copy.example = example.map(redactor.redact)
        copy.details = details.map(redactor.redact)
        copy.location?.url = location?.url.map(redactor.redact)
        copy.location?.origin = location?.origin.map(redactor.redact)
        copy.location?.file = location?.file.map(redactor.redactSecrets)
        copy.location?.keyPath = location?.keyPath.map(redactor.redactSecrets)
        return copy
    }
}
