import Foundation

extension SecretFileSources {
    /// The value in `file` (links followed), one trailing newline removed; a warning when the file
    /// is readable by group or others.
    func read(_ file: URL, warnings: inout [String]) throws(HelpfulError) -> String {
        let resolved = file.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else {
            throw HelpfulError(
                code: .secretFileMissing,
                problem: "The secret file \(file.path) does not exist",
                solution: "Create it (one secret per file, the file's content is the value), or fix the path",
                example: "printf '%s' \"$CLIENT_SECRET\" > \(file.path) && chmod 600 \(file.path)",
                location: .file(file.path),
                exitCode: .configuration
            )
        }
        guard !isDirectory.boolValue else {
            throw HelpfulError(
                code: .secretFileIsFolder,
                problem: "\(file.path) is a folder, not a secret file",
                solution: "Each secret is one file whose content is the value; remove the folder or point at a file",
                example: "ls -l \(file.path)",
                location: .file(file.path),
                exitCode: .configuration
            )
        }
        if let warning = Self.permissionWarning(resolved, shown: file.path) { warnings.append(warning) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > Self.maximumSize {
            throw HelpfulError(
                code: .secretFileTooLarge,
                problem: "The secret file \(file.path) is too large (\(size) bytes; the limit is \(Self.maximumSize))",
                solution: "A secret file holds one value; check that the path names the right file",
                example: "ls -l \(file.path)",
                location: .file(file.path),
                exitCode: .configuration
            )
        }
        guard let data = FileManager.default.contents(atPath: resolved.path) else {
            throw unreadable(file.path, what: "the secret file")
        }
        guard var value = String(data: data, encoding: .utf8) else {
            throw HelpfulError(
                code: .secretFileNotText,
                problem: "The secret file \(file.path) is not UTF-8 text (its content is not shown)",
                solution: "Store the value as text; encode binary values (base64) and decode them in the script",
                example: "base64 -w0 key.bin > \(file.path)",
                location: .file(file.path),
                exitCode: .configuration
            )
        }
        if value.hasSuffix("\n") { value.removeLast() }
        return value
    }

    /// A warning when `url` can be read by its group or by others (mode & 044), nil otherwise.
    static func permissionWarning(_ url: URL, shown: String) -> String? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o044 != 0 else { return nil }
        let octal = String(mode & 0o777, radix: 8)
        return "\(shown) holds secrets but can be read by group or others (mode \(String(repeating: "0", count: max(0, 4 - octal.count)) + octal)): "
            + "restrict it with `chmod 600 \(shown)` (in Kubernetes, defaultMode: 0400)"
    }

    func unreadable(_ path: String, what: String) -> HelpfulError {
        HelpfulError(
            code: .secretFileUnreadable,
            problem: "Cannot read \(what) \(path)",
            solution: "Check that it exists and that this user may read it",
            example: "ls -l \(path)",
            location: .file(path),
            exitCode: .configuration
        )
    }
}
