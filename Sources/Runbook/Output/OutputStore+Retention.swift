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
            if let entries = DirectoryEntries.list(url.path) {
                listings.append((folder, url, entries.filter { !$0.isDirectory }.map(\.name)))
            }
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
/// `<name>_YYYY-MM-DDTHHMMSSZ[_<12 hex digits>][.<ext>]` (one extension, as
/// `OutputStore.timestampedName` makes them). Read byte by byte, without allocating: retention
/// looks at every name in `logs/` and `output/` at the start of every run.
struct RunFileName: Equatable {
    /// The UTC time in the name.
    var date: Date
    /// The short run id, when the name has one.
    var shortID: String?

    init?(_ name: String) {
        var name = name
        guard let parsed = name.withUTF8({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private init(date: Date, shortID: String?) {
        self.date = date
        self.shortID = shortID
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> RunFileName? {
        // The end of the stem: before the one extension, if any.
        var end = bytes.count
        if let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 { end = dot }
        guard !bytes[..<end].contains(UInt8(ascii: ".")) else { return nil }
        var shortID: String?
        var stampEnd = end
        if end >= 13, bytes[end - 13] == UInt8(ascii: "_"), bytes[(end - 12)..<end].allSatisfy(isLowerHex) {
            shortID = String(decoding: UnsafeBufferPointer(rebasing: bytes[(end - 12)..<end]), as: UTF8.self)
            stampEnd = end - 13
        }
        // `_YYYY-MM-DDTHHMMSSZ` ends at stampEnd.
        let start = stampEnd - 18
        guard start >= 1, bytes[start - 1] == UInt8(ascii: "_"), let date = stamp(bytes, at: start) else { return nil }
        return RunFileName(date: date, shortID: shortID)
    }

    /// `YYYY-MM-DDTHHMMSSZ` at `index`.
    private static func stamp(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Date? {
        func number(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for position in (index + offset)..<(index + offset + count) {
                let digit = Int(bytes[position]) &- 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes[index + 4] == UInt8(ascii: "-"), bytes[index + 7] == UInt8(ascii: "-"),
              bytes[index + 10] == UInt8(ascii: "T"), bytes[index + 17] == UInt8(ascii: "Z"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(13, 2), let second = number(15, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = RecordTimestamp.daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...102).contains(byte)
    }
}
