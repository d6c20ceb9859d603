public import Foundation

extension OutputStore {
    /// How old a temporary file of another host (or of an unknown writer) must be before it is
    /// taken as abandoned: one day without a write.
    public static let abandonedTemporaryFileAge: TimeInterval = 24 * 60 * 60

    /// Removes the hidden temporary files (`.name.tmp-…`) that killed writers left in `folders`
    /// (and their subfolders), and returns their paths relative to the project root, sorted.
    /// Finished files are never touched, nor the temporary file of a write still under way:
    ///
    /// - a file written on this host is removed as soon as the process that wrote it has ended;
    /// - any other file (another host's, one in the earlier format without a writer, or one whose
    ///   process id is in use, perhaps by another program) when it has not been written to for
    ///   `olderThan` seconds (a day by default);
    /// - a file of this process never.
    ///
    /// Folders that do not exist are skipped (not created). The runner calls this at the start of
    /// every run.
    @discardableResult
    public func removeStaleTemporaryFiles(
        in folders: [OutputFolder] = OutputFolder.allCases, olderThan maximumAge: TimeInterval = abandonedTemporaryFileAge
    ) -> [String] {
        let manager = FileManager.default
        let this = TemporaryFileName.Writer.current
        var removed: [String] = []
        for folder in folders {
            let url = root.appendingPathComponent(folder.rawValue, isDirectory: true)
            for path in DirectoryEntries.files(under: url.path) {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                guard TemporaryFileName.isTemporary(name) else { continue }
                let file = url.appendingPathComponent(path)
                guard isAbandoned(file, writer: TemporaryFileName.writer(of: name), this: this, maximumAge: maximumAge),
                      (try? manager.removeItem(at: file)) != nil
                else { continue }
                removed.append(folder.rawValue + "/" + path)
            }
        }
        return removed.sorted()
    }

    /// Removes the hidden temporary files killed writers left in one folder (see
    /// `removeStaleTemporaryFiles(in:olderThan:)`).
    @discardableResult
    public func removeStaleTemporaryFiles(in folder: OutputFolder) -> [String] {
        removeStaleTemporaryFiles(in: [folder])
    }

    private func isAbandoned(
        _ file: URL, writer: TemporaryFileName.Writer?, this: TemporaryFileName.Writer, maximumAge: TimeInterval
    ) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
              attributes[.type] as? FileAttributeType == .typeRegular
        else { return false }
        if let writer, writer.host == this.host {
            if writer.pid == this.pid { return false }
            if !writer.isRunning { return true }
        }
        guard let modified = attributes[.modificationDate] as? Date else { return false }
        return Date().timeIntervalSince(modified) > maximumAge
    }
}
