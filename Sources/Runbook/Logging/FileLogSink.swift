public import Foundation
public import Logging
import Synchronization

/// Appends lines (DEBUG and above by default) to one log file, each line written as soon as it
/// is logged so a crash loses nothing. Creates the file's folder. Given the run's fields, every
/// line carries the full run id (`run=<id>` at the end of a text line; `runId`, `org`, `env`,
/// `script` in a JSON line).
public final class FileLogSink: LogSink {
    /// The lowest level written.
    public let minimumLevel: Logger.Level
    /// The file written to.
    public let url: URL
    private let format: LogLineFormat
    private let run: RunLogFields?
    private let handle: Mutex<FileHandle?>

    /// Opens (creating or appending to) `url`. Throws a `HelpfulError` when it cannot.
    public init(url: URL, minimumLevel: Logger.Level = .debug, format: LogLineFormat = .text,
                run: RunLogFields? = nil) throws {
        self.url = url
        self.minimumLevel = minimumLevel
        self.format = format
        self.run = run
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !manager.fileExists(atPath: url.path) {
                guard manager.createFile(atPath: url.path, contents: nil) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
            }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            self.handle = Mutex(handle)
        } catch {
            throw HelpfulError(
                code: .runLoggingUnavailable,
                problem: "Cannot open the log file \(url.path)",
                solution: "Make sure the logs folder exists and is writable",
                example: "mkdir -p logs && chmod u+w logs",
                location: .file(url.path))
        }
    }

    /// Appends the record as one line.
    public func write(_ record: LogRecord) {
        let data = Data((format.line(for: record, run: run) + "\n").utf8)
        handle.withLock { handle in
            try? handle?.write(contentsOf: data)
        }
    }

    /// Flushes the file to disk.
    public func flush() {
        handle.withLock { handle in try? handle?.synchronize() }
    }

    /// Flushes and closes the file; later records are dropped.
    public func close() {
        handle.withLock { handle in
            try? handle?.synchronize()
            try? handle?.close()
            handle = nil
        }
    }
}
