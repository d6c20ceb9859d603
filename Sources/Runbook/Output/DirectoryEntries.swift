import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's entries by `readdir(3)`: names and whether each is a folder, without a `stat` per
/// entry or Foundation's bridging. The housekeeping at the start of every run (stale temporary
/// files, transaction journals, retention) lists folders with it.
enum DirectoryEntries {
    /// One entry.
    struct Entry {
        var name: String
        var isDirectory: Bool
    }

    /// The entries of `path` (without `.` and `..`), or nil when it cannot be opened.
    static func list(_ path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isDirectory = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(Entry(name: name, isDirectory: isDirectory))
        }
        return entries
    }

    /// Every file below `path` (not following links to folders), as paths relative to it.
    static func files(under path: String) -> [String] {
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let entries = list(relative.isEmpty ? path : path + "/" + relative) else { continue }
            for entry in entries {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory { pending.append(child) } else { files.append(child) }
            }
        }
        return files
    }
}
