#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where console text goes (log lines, progress bars). Injected, so tests capture it and decide
/// "is this a terminal" themselves.
public protocol ConsoleOutput: Sendable {
    /// Whether the output is an interactive terminal.
    var isTerminal: Bool { get }
    /// Writes text as is (no newline added).
    func write(_ text: String)
}

/// A console output on a file descriptor: standard error (the default for logs and progress,
/// so that `--json` output on standard output stays clean) or standard output.
public struct FileDescriptorConsole: ConsoleOutput {
    private let descriptor: Int32

    /// Standard error.
    public static let standardError = FileDescriptorConsole(descriptor: 2)
    /// Standard output.
    public static let standardOutput = FileDescriptorConsole(descriptor: 1)

    /// Wraps an open file descriptor (not closed by this type).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether the descriptor is a terminal (`isatty`).
    public var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Writes all of `text` (UTF-8).
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                unistdWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// `write(2)`, named apart from the method above.
func unistdWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(descriptor, pointer, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, pointer, count)
    #else
    Glibc.write(descriptor, pointer, count)
    #endif
}

/// Decides whether console text may use ANSI colour: only on a terminal, never when `NO_COLOR`
/// is set to a non-empty value (https://no-color.org) or `TERM` is `dumb`.
public enum ConsoleColourPolicy {
    /// Whether to colour, from an injected environment and terminal check.
    public static func useColour(environment: [String: String], isTerminal: Bool) -> Bool {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }
}
