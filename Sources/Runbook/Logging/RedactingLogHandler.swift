public import Logging

/// A swift-log `LogHandler` that passes every record (message, error description, metadata
/// values, whatever logger made it) through the run's `Redactor`, then hands it to every sink.
///
/// Build it through `RunLogging.makeHandler(label:)` or `RunLogging.makeLogger(label:)`.
public struct RedactingLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    /// The level below which `Logger` drops records before they get here.
    public var logLevel: Logger.Level
    /// Metadata attached to every record of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Adds contextual metadata at log time.
    public var metadataProvider: Logger.MetadataProvider?
    let pipeline: LogPipeline

    init(label: String, logLevel: Logger.Level, pipeline: LogPipeline, metadataProvider: Logger.MetadataProvider?) {
        self.label = label
        self.logLevel = logLevel
        self.pipeline = pipeline
        self.metadataProvider = metadataProvider
    }

    /// One metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Redacts the event and hands it to the sinks.
    public func log(event: LogEvent) {
        var merged = metadataProvider?.get() ?? [:]
        merged.merge(metadata) { _, new in new }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        pipeline.emit(level: event.level, label: label, message: event.message.description,
                      error: event.error, metadata: merged)
    }
}
