extension HelpfulError {
    /// A copy with `redact` applied to every text field (used with the run's secret-value redactor,
    /// so an error a script built from a secret never shows it).
    public func redacted(_ redact: (String) -> String) -> HelpfulError {
        var copy = self
        copy.problem = redact(problem)
        copy.solution = redact(solution)
        copy.example = example.map(redact)
        copy.details = details.map(redact)
        copy.location?.url = location?.url.map(redact)
        copy.location?.origin = location?.origin.map(redact)
        copy.location?.keyPath = location?.keyPath.map(redact)
        return copy
    }
}
