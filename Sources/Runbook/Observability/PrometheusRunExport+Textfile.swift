public import Foundation

extension PrometheusRunExport {
    /// Writes the exposition text (with `job`, `org`, `env` labels) to `file` atomically: a
    /// temporary file beside it, then a rename, so node_exporter never reads half a file (name
    /// it `*.prom` in the collector's folder). When the run failed, the previous file's
    /// `runbook_last_success_timestamp_seconds` is kept. Returns a warning instead of throwing.
    public func writeTextfile(to file: URL) -> MetricsExportWarning? {
        var text = text(groupingLabels: true)
        if !run.succeeded, let previous = try? String(contentsOf: file, encoding: .utf8) {
            let kept = previous.split(separator: "\n", omittingEmptySubsequences: true)
                .filter { $0.hasPrefix(RunbookMetricName.lastSuccess) || $0.hasPrefix("# HELP \(RunbookMetricName.lastSuccess) ")
                    || $0.hasPrefix("# TYPE \(RunbookMetricName.lastSuccess) ") }
            if kept.contains(where: { $0.hasPrefix(RunbookMetricName.lastSuccess) }) {
                text += kept.joined(separator: "\n") + "\n"
            }
        }
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return MetricsExportWarning(destination: file.path, reason: reason)
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
            return MetricsExportWarning(destination: file.path, reason: Self.plainReason(reason, folder: folder))
        }
    }

    static func plainReason(_ reason: String, folder: URL) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue {
            return "the folder \(folder.path) does not exist"
        }
        if !FileManager.default.isWritableFile(atPath: folder.path) { return "the folder \(folder.path) is not writable" }
        return reason
    }
}
