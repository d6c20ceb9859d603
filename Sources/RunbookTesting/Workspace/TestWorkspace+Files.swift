public import Foundation

extension TestWorkspace {
    /// The URL of `path` (relative to the workspace root).
    public func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// Writes `text` (UTF-8) to `path`, creating its folders.
    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Writes `data` to `path`, creating its folders.
    public func write(_ path: String, _ data: Data) throws {
        let file = url(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Replaces `old` by `new` in the file at `path` (the edit a guide asks the reader to make).
    /// - Throws: ``TestWorkspaceError`` when the file does not contain `old`.
    public func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try self.text(path)
        guard text.contains(old) else { throw TestWorkspaceError("\(path) does not contain '\(old)'") }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// The UTF-8 text of the file at `path`.
    public func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// The bytes of the file at `path`, or nil when there is no such file.
    public func data(_ path: String) -> Data? {
        FileManager.default.contents(atPath: url(path).path)
    }

    /// Whether a file or folder exists at `path`.
    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url(path).path)
    }

    /// Every file below `folder` (recursively, hidden ones included), as paths relative to
    /// `folder`, sorted; none when the folder does not exist. `""` is the whole workspace.
    public func files(in folder: String) -> [String] {
        let base = folder.isEmpty ? root : url(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }
}

/// A ``TestWorkspace`` helper that could not do what the test asked.
public struct TestWorkspaceError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
