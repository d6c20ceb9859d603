extension ScriptContext {
    /// A progress reporter for a long loop: a live bar with rate and ETA on a terminal when
    /// `script-behavior.enable-progress-bars` is true, otherwise an INFO line at every 10 %.
    ///
    /// ```swift
    /// let progress = context.progress(total: records.count, description: "Updating prices")
    /// for record in records { …; progress.advance() }
    /// progress.finish()
    /// ```
    public func progress(total: Int, description: String) -> ProgressReporter {
        ProgressReporter.make(
            total: total, description: description, clock: clock, enableProgressBars: progressBarsEnabled,
            console: console, logger: logger)
    }
}
