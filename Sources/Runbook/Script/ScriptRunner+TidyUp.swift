import Foundation

extension ScriptRunner {
    /// What a run does to the project's folders before its script starts, in this order:
    ///
    /// 1. finishes the output transactions of killed runs (`recoverInterruptedTransactions`);
    /// 2. removes the temporary files killed runs left (`removeStaleTemporaryFiles`), among them
    ///    the staged files of transactions that never committed;
    /// 3. marks the run as going (`output/.run_<short id>_<host>-<pid>.lock`);
    /// 4. removes the logs, records and outputs older than `script-behavior.retention.keep-days`
    ///    (default 30), never those of a run still going (`removeExpiredFiles`).
    ///
    /// On an empty project this costs a failed directory open and two directory listings.
    func tidyUp(_ prepared: PreparedRun) {
        let context = prepared.context
        let run = prepared.run
        let output = context.output
        let completed = output.recoverInterruptedTransactions()
        if !completed.isEmpty {
            context.logger.info("Completed \(completed.count) file\(completed.count == 1 ? "" : "s") of transactions of interrupted runs: \(completed.joined(separator: ", "))")
        }
        let removed = output.removeStaleTemporaryFiles()
        if !removed.isEmpty {
            let files = removed.joined(separator: ", ")
            context.logger.info("Removed \(removed.count) temporary file\(removed.count == 1 ? "" : "s") left by killed runs: \(files)")
        }
        RunLock(shortID: run.id.short).acquire(in: output.root.appendingPathComponent(OutputFolder.output.rawValue))
        let keepDays = ((try? context.config.optional(Int.self, "script-behavior", "retention", "keep-days")) ?? nil)
            ?? OutputStore.defaultRetentionDays
        let expired = output.removeExpiredFiles(keepDays: keepDays, now: run.startedAt, protecting: [run.id.short])
        if !expired.isEmpty {
            context.logger.info("Removed \(expired.count) file\(expired.count == 1 ? "" : "s") older than \(keepDays) days (script-behavior.retention.keep-days)")
            context.logger.debug("Removed by retention: \(expired.joined(separator: ", "))")
        }
    }
}
