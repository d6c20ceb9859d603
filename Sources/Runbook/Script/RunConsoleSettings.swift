/// The `script-behavior` keys that shape a run's console, decoded once when the run starts:
/// `debug-mode` and `verbose-logging` (booleans: DEBUG lines on the console), `log-format`
/// (`text` or `json`) and `enable-progress-bars` (boolean). A value of the wrong type fails the
/// run with the configuration's own error (`RB-CFG` wrong type), never silently falls back.
struct RunConsoleSettings: Sendable, Equatable {
    /// `debug-mode` or `verbose-logging` is true.
    var wantsDebug: Bool
    /// `log-format`, `.text` when unset.
    var logFormat: LogLineFormat
    /// `enable-progress-bars`, false when unset.
    var progressBars: Bool

    /// Reads the settings from a validated configuration; throws when one has the wrong type.
    init(config: ConfigProxy) throws(HelpfulError) {
        let debugMode = try config.optional(Bool.self, "script-behavior", "debug-mode") ?? false
        let verboseLogging = try config.optional(Bool.self, "script-behavior", "verbose-logging") ?? false
        wantsDebug = debugMode || verboseLogging
        logFormat = try config.optional(String.self, "script-behavior", "log-format")
            .flatMap(LogLineFormat.init(rawValue:)) ?? .text
        progressBars = try config.optional(Bool.self, "script-behavior", "enable-progress-bars") ?? false
    }
}
