public import Logging

/// Writes human-readable lines to the console (standard error by default), INFO and above
/// unless told otherwise, with the level coloured only when `colour` is on. Given the run's fields,
/// a text line ends with the short run id (`run=4c8e1f0a7b6d`), a JSON line holds them all.
public struct ConsoleLogSink: LogSink {
    /// The lowest level shown (`--log-level`, `script-behavior.debug-mode` map to it).
    public let minimumLevel: Logger.Level
    private let output: any ConsoleOutput
    private let colour: Bool
    private let format: LogLineFormat
    private let run: RunLogFields?

    /// Creates a console sink. Decide `colour` with `ConsoleColourPolicy.useColour` (a JSON line
    /// is never coloured).
    public init(minimumLevel: Logger.Level = .info, output: any ConsoleOutput = FileDescriptorConsole.standardError,
                colour: Bool = false, format: LogLineFormat = .text, run: RunLogFields? = nil) {
        self.minimumLevel = minimumLevel
        self.output = output
        self.colour = colour
        self.format = format
        self.run = run
    }

    /// Writes the record as one line.
    public func write(_ record: LogRecord) {
        output.write(format.line(for: record, colour: colour, run: run, idForm: .short) + "\n")
    }
}
