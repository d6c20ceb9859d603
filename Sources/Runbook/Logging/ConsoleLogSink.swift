public import Logging

/// Writes human-readable lines to the console (standard error by default), INFO and above
/// unless told otherwise, with the level coloured only when `colour` is on.
public struct ConsoleLogSink: LogSink {
    /// The lowest level shown (`--log-level`, `script-behavior.debug-mode` map to it).
    public let minimumLevel: Logger.Level
    private let output: any ConsoleOutput
    private let colour: Bool
    private let format: LogLineFormat

    /// Creates a console sink. Decide `colour` with `ConsoleColourPolicy.useColour`.
    public init(minimumLevel: Logger.Level = .info, output: any ConsoleOutput = FileDescriptorConsole.standardError,
                colour: Bool = false, format: LogLineFormat = .text) {
        self.minimumLevel = minimumLevel
        self.output = output
        self.colour = colour
        self.format = format
    }

    /// Writes the record as one line.
    public func write(_ record: LogRecord) {
        output.write(format.line(for: record, colour: colour) + "\n")
    }
}
