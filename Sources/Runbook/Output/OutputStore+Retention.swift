public import Foundation

extension OutputStore {
    /// The default of `script-behavior.retention.keep-days`.
    public static let defaultRetentionDays = 30

    /// Removes the files of old runs from `logs/` and `output/` (not their subfolders): logs,
    /// run records and timestamped outputs whose names follow Runbook's scheme
    /// (`<name>_YYYY-MM-DDTHHMMSSZ[_<short run id>][.<ext>]`) and whose name time and modification
    /// time are both more than `keepDays` days before `now` (the run's start). Never removed: other
    /// names, hidden files, and the files of a run that may still be going (its short id is in
    /// `protecting` or in the `output/.run_….lock` of a live process). Returns the paths removed,
    /// relative to the project root, sorted.
    @discardableResult
    public func removeExpiredFiles(keepDays: Int, now: Date, protecting: Set<String> = []) -> [String] {
        let cutoff = now.addingTimeInterval(-Double(max(1, keepDays)) * 86_400)
        let manager = FileManager.default
        let outputFolder = root.appendingPathComponent(OutputFolder.output.rawValue, isDirectory: true)
        var listings: [(OutputFolder, URL, [String])] = []
        for folder in [OutputFolder.logs, .output] {
            let url = root.appendingPathComponent(folder.rawValue, isDirectory: true)
            if let names = try? manager.contentsOfDirectory(atPath: url.path) { listings.append((folder, url, names)) }
        }
        var protected = protecting
        for (folder, _, names) in listings where folder == .output {
            for name in names {
                guard let lock = RunLock(fileName: name) else { continue }
                if lock.mayBeRunning { protected.insert(lock.shortID) } else { lock.release(in: outputFolder) }
            }
        }
        var removed: [String] = []
        for (folder, url, names) in listings {
            for name in names where !name.hasPrefix(".") {
                guard let stamp = RunFileName(name), stamp.date < cutoff,
                      stamp.shortID.map({ !protected.contains($0) }) ?? true
                else { continue }
                let file = url.appendingPathComponent(name)
                guard let attributes = try? manager.attributesOfItem(atPath: file.path),
                      attributes[.type] as? FileAttributeType == .typeRegular,
                      let modified = attributes[.modificationDate] as? Date, modified < cutoff,
                      (try? manager.removeItem(at: file)) != nil
                else { continue }
                removed.append(folder.rawValue + "/" + name)
            }
        }
        return removed.sorted()
    }
}

/// The time and short run id in a file name that follows Runbook's scheme,
/// `<name>_YYYY-MM-DDTHHMMSSZ[_<12 hex digits>][.<ext>]` (one extension, as `OutputStore.timestampedName` makes them).
struct RunFileName: Equatable {
    /// The UTC time in the name.
    var date: Date
    /// The short run id, when the name has one.
    var shortID: String?

    init?(_ name: String) {
        let bytes = Array(name.utf8)
        // The stamp is `_` + 17 bytes `YYYY-MM-DDTHHMMSSZ`; find the last one.
        var index = bytes.count - 18
        while index >= 1 {
            if bytes[index - 1] == UInt8(ascii: "_"), let date = Self.stamp(bytes, at: index) {
                var rest = bytes[(index + 18)...]
                var shortID: String?
                if rest.first == UInt8(ascii: "_") {
                    let hex = rest.dropFirst().prefix(12)
                    guard hex.count == 12, hex.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
                    shortID = String(decoding: hex, as: UTF8.self)
                    rest = rest.dropFirst(13)
                }
                // Nothing more, or one extension (Runbook puts the stamp before the last extension).
                guard rest.isEmpty || (rest.first == UInt8(ascii: ".") && !rest.dropFirst().contains(UInt8(ascii: ".")))
                else { return nil }
                self.date = date
                self.shortID = shortID
                return
            }
            index -= 1
        }
        return nil
    }

    /// `YYYY-MM-DDTHHMMSSZ` at `index`.
    private static func stamp(_ bytes: [UInt8], at index: Int) -> Date? {
        guard index + 18 <= bytes.count else { return nil }
        let text = String(decoding: bytes[index..<(index + 18)], as: UTF8.self)
        let chars = Array(text)
        guard chars[4] == "-", chars[7] == "-", chars[10] == "T", chars[17] == "Z" else { return nil }
        let iso = "\(text.prefix(13)):\(String(chars[13...14])):\(String(chars[15...16]))Z"
        return RecordTimestamp.parse(iso)
    }
}
