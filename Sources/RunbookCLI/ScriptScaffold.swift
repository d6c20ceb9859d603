import Foundation
import Runbook

/// Creates a script target (`scripts/<Name>/Sources/<Name>.swift` and its test) and inserts the
/// folder's line into Package.swift's script-folder lines, the only change to a file that already
/// exists: the `runbook` executable's script list is generated at build time (Plugins/RunbookScriptList),
/// and SwiftPM, which caches the manifest by its text, needs the manifest's text to change to look
/// for folders again (docs/writing-a-script.md, "How a new script is found").
struct ScriptScaffold {
    /// The package root (holds Package.swift).
    let root: URL

    /// What writing a file did to it.
    enum Change: String, Equatable {
        /// The file did not exist.
        case created
        /// The file existed and now has other content.
        case updated
    }

    /// One file written, relative to the root.
    struct WrittenFile: Equatable {
        let path: String
        let change: Change
    }

    /// `invoice-reminder` → `InvoiceReminder`.
    static func typeName(for scriptName: String) -> String {
        scriptName.split(whereSeparator: { $0 == "-" || $0 == "_" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Whether a script name is acceptable: lower-case, starts with a letter, `-` between words.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !name.hasSuffix("-") && !name.contains("--")
    }

    /// Writes the new script's files; returns what it wrote (created or updated), relative to the root.
    func create(scriptName: String) throws(HelpfulError) -> [WrittenFile] {
        let type = Self.typeName(for: scriptName)
        let folder = "scripts/\(type)"
        let existing = scriptFolders().map(\.name)
        guard !existing.contains(type) else {
            throw HelpfulError(
                code: .usageScriptExists,
                problem: "A script target named \(type) already exists",
                solution: "Choose another name, or edit the existing script",
                example: "runbook new \(scriptName)-v2",
                location: .file(folder),
                exitCode: .usage)
        }
        let files = [
            "\(folder)/Sources/\(type).swift": ScriptTemplate.source(scriptName: scriptName, type: type),
            "\(folder)/Tests/\(type)Tests.swift": ScriptTemplate.test(scriptName: scriptName, type: type),
        ]
        var written: [WrittenFile] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { written += try write(path, text) }
        return written + (try writeManifestLines())
    }

    /// The prefix of Package.swift's script-folder lines, one per folder.
    static let manifestMarker = "// runbook-script-folder:"
    /// The one line that listed every folder before (replaced by one line per folder).
    static let oldManifestMarker = "// runbook-script-folders:"

    /// Brings Package.swift's script-folder lines up to date with the script folders: inserts the
    /// line of each folder that has none at its place in name order, removes the lines of folders
    /// that are gone, and leaves every other line as it was. Returns the files whose content changed.
    @discardableResult
    func writeManifestLines() throws(HelpfulError) -> [WrittenFile] {
        let url = root.appendingPathComponent("Package.swift")
        guard let manifest = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let wanted = Set(scriptFolders().map { "\(Self.manifestMarker) \($0.path)" })
        var lines = manifest.components(separatedBy: "\n").filter {
            !$0.hasPrefix(Self.oldManifestMarker) && (!$0.hasPrefix(Self.manifestMarker) || wanted.contains($0))
        }
        for line in wanted.subtracting(lines).sorted() {
            let markers = lines.indices.filter { lines[$0].hasPrefix(Self.manifestMarker) }
            if let next = markers.first(where: { lines[$0] > line }) {
                lines.insert(line, at: next)
            } else if let last = markers.last {
                lines.insert(line, at: last + 1)
            } else {
                if lines.last == "" { lines.removeLast() }
                lines += [line, ""]
            }
        }
        return try write("Package.swift", lines.joined(separator: "\n"))
    }

    /// The script folders Package.swift turns into targets (examples/ and scripts/ with a Sources/ folder).
    func scriptFolders() -> [(name: String, path: String)] {
        ["examples", "scripts"].flatMap { parent -> [(name: String, path: String)] in
            let folder = root.appendingPathComponent(parent)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().filter {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/Sources").path)
            }.map { ($0, "\(parent)/\($0)") }
        }
    }

    /// Writes `text` to `path`; returns the change, or nothing when the file already held `text`.
    private func write(_ path: String, _ text: String) throws(HelpfulError) -> [WrittenFile] {
        let url = root.appendingPathComponent(path)
        let old = FileManager.default.contents(atPath: url.path)
        guard old != Data(text.utf8) else { return [] }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            return [WrittenFile(path: path, change: old == nil ? .created : .updated)]
        } catch {
            throw HelpfulError(
                code: .outputCannotWrite,
                problem: "Cannot write \(path): \(error.localizedDescription)",
                solution: "Check that the project folder is writable",
                location: .file(path),
                exitCode: .scriptFailed)
        }
    }
}
