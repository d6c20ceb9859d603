import Foundation

/// The `HelpfulError`s the output store raises.
enum OutputError {
    static func cannotWrite(_ url: URL, reason: String) -> HelpfulError {
        HelpfulError(
            code: .outputCannotWrite,
            problem: "Cannot write \(url.path): \(reason)",
            solution: "Check that the folder exists, is writable and the disk is not full",
            location: .file(url.path))
    }

    static func cannotRead(_ url: URL, reason: String) -> HelpfulError {
        HelpfulError(
            code: .outputCannotRead,
            problem: "Cannot read \(url.path): \(reason)",
            solution: "Check that the file exists and is readable",
            location: .file(url.path))
    }

    static func unsafeName(_ name: String, folder: OutputFolder, why: String) -> HelpfulError {
        HelpfulError(
            code: .outputUnsafeName,
            problem: "File name '\(name.replacingOccurrences(of: "\u{0}", with: "\\0"))' for \(folder.rawValue)/ \(why)",
            solution: "Use a plain relative name inside the folder, without '..', a leading '/' or NUL",
            example: "report.json or 2025/report.json")
    }

    static func invalidContent(_ url: URL, format: String, reason: String, line: Int? = nil) -> HelpfulError {
        HelpfulError(
            code: .outputInvalidContent,
            problem: "Invalid \(format) in \(url.lastPathComponent): \(reason)",
            solution: "Fix the file, or regenerate it",
            location: .file(url.path, line: line))
    }
}
