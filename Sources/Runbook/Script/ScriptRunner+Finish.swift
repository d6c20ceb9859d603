import Foundation
import Logging

extension ScriptRunner {
    /// Ends a run whose script was called: logs the error once (to the log file; the caller shows
    /// it on the console), builds the run record once, saves it, shows its summary, flushes the
    /// logs, and picks the exit code. When the record cannot be saved, that error ends the run
    /// (exit 1) unless another one already did, and the summary says so.
    func finish(_ prepared: PreparedRun, failure: HelpfulError?) async -> RunOutcome {
        let context = prepared.context
        let run = prepared.run
        var failure = failure?.redacted(by: run.redactor)
        if let failure {
            let fileOnly = RunLogging(
                redactor: run.redactor, clock: clock, sinks: prepared.logging.sinks.filter { !($0 is ConsoleLogSink) })
            let rendered = HelpfulErrorRenderer(style: .plain, redactor: run.redactor).render(failure)
            fileOnly.makeLogger(label: context.logger.label)
                .error("\(rendered)", metadata: RunLogging.verbatim.merging(["exit-code": "\(failure.exitCode.rawValue)"]) { $1 })
        }
        RunLock(shortID: run.id.short).release(in: context.output.root.appendingPathComponent(OutputFolder.output.rawValue))
        let written = RunWrittenFiles(
            files: context.output.writtenFiles, transactions: context.output.transactions,
            logFile: prepared.logging.sinks.lazy.compactMap { $0 as? FileLogSink }.first.map {
                context.output.relativePath($0.url.path)
            })
        // The HTTP clients' measurements: the instrumentation exists only once a client was resolved,
        // and is not built here for a run that made none.
        let metrics = context.services.existing(HTTPInstrumentation.self).map { $0.collector.snapshot() }
            .flatMap { $0.hosts.isEmpty ? nil : $0 }
        // The run ends now, once: the record saved, the record returned (and printed under
        // `--json`) and a record amended after a failed save all carry this end.
        let end = RunEnd(date: clock.now(), monotonic: clock.monotonicNow())
        var record = makeRecord(run, prepared.request, end: end, failure: failure, started: true,
                                items: context.results.items(redactor: run.redactor), redactor: run.redactor, written: written)
        record.metrics = metrics
        let saved = await Self.save(record, in: context.output)
        switch saved {
        case .success(let url):
            context.logger.debug("Run record saved to \(OutputFolder.output.rawValue)/\(url.lastPathComponent)")
        case .failure(let error):
            context.logger.error("The run record could not be saved: \(error.problem)")
            if failure == nil {
                failure = error.redacted(by: run.redactor)
                record = makeRecord(run, prepared.request, end: end, failure: failure, started: true,
                                    items: record.items, redactor: run.redactor, written: written)
                record.metrics = metrics
            }
        }
        context.logger.info("\(record.summary) (run \(run.id))")
        for line in metrics?.consoleLines() ?? [] { context.logger.info("\(line)") }
        RunTracing.recordRunMetrics(
            script: record.script,
            items: record.counts.byOutcome,
            duration: .seconds(record.durationSeconds))
        prepared.logging.flush()
        var outcome = RunOutcome(
            exitCode: ExitCode(rawValue: record.exitCode) ?? .scriptFailed, error: failure, record: record,
            recordFile: try? saved.get())
        outcome.logFormat = prepared.logFormat
        return outcome
    }

    /// Ends a run that stopped before its script was called (bad options, configuration error,
    /// cancelled while loading): the record is still made and saved; its arguments pass through a
    /// redactor of the secrets loaded so far.
    func finishUnstarted(_ run: Run, _ request: RunRequest, failure: HelpfulError) async -> RunOutcome {
        let registry = run.secrets
        // A configuration error can stop the run before its secrets are loaded: the values known
        // without loading (given in code, `RUNBOOK_SECRET_*` variables) are redacted from the record too.
        if case .inline(_, _, let secrets, _) = request.configuration {
            for value in secrets.values { registry.register(value) }
        }
        for (name, value) in request.environment where name.hasPrefix("RUNBOOK_SECRET_") && !name.hasSuffix("_FILE") {
            registry.register(value)
        }
        let end = RunEnd(date: clock.now(), monotonic: clock.monotonicNow())
        let record = makeRecord(run, request, end: end, failure: failure, started: false, items: RunRecord.Items(),
                                redactor: Redactor(secrets: registry), written: RunWrittenFiles())
        var store = OutputStore(root: run.projectRoot, clock: clock, runID: run.id)
        store.outputSubfolder = request.outputSubfolder
        let saved = await Self.save(record, in: store)
        return RunOutcome(exitCode: failure.exitCode, error: failure, record: record, recordFile: try? saved.get())
    }

    /// When a run ended: both clock readings, taken once.
    struct RunEnd {
        let date: Date
        let monotonic: Duration
    }

    /// What a run put on disk, for its record.
    struct RunWrittenFiles {
        var files: [RunRecord.WrittenFile] = []
        var transactions: [RunRecord.Transaction] = []
        var logFile: String?
    }

    /// The record of a run that ended now with `failure` (already redacted) or none; the script's
    /// arguments pass through `redactor`.
    private func makeRecord(
        _ run: Run, _ request: RunRequest, end: RunEnd, failure: HelpfulError?, started: Bool, items: RunRecord.Items,
        redactor: Redactor, written: RunWrittenFiles
    ) -> RunRecord {
        let counts = ProcessingResults.Counts(
            created: items.created.count, updated: items.updated.count, skipped: items.skipped.count,
            failed: items.failed.count, expected: items.expected.count)
        let exitCode = failure?.exitCode ?? (counts.failed > 0 ? .completedWithFailures : .success)
        let outcome = RunRecord.Outcome(exitCode)
        let elapsed = (end.monotonic - run.startedMonotonic).components
        return RunRecord(
            runId: run.id, script: run.script.name, scriptVersion: run.script.version,
            runbookVersion: RunbookVersion.current, org: run.org, env: run.env,
            arguments: request.arguments.map(redactor.redact), dryRun: run.isDryRun,
            origin: RunOrigin.current(environment: request.environment),
            outcome: outcome, exitCode: exitCode.rawValue,
            summary: ResultsSummary.line(counts, outcome: outcome, started: started),
            error: failure.map { RunRecord.Failure($0) },
            startedAt: RecordTimestamp.truncatedToMilliseconds(run.startedAt),
            finishedAt: RecordTimestamp.truncatedToMilliseconds(end.date),
            durationSeconds: max(0, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18),
            counts: counts, items: items, files: written.files, transactions: written.transactions,
            logFile: written.logFile)
    }

    /// Saves the record as `output/<record.fileName>`. The write runs in a task of its own, so
    /// that the cancellation which ended an interrupted run does not stop its record.
    private static func save(_ record: RunRecord, in store: OutputStore) async -> Result<URL, HelpfulError> {
        await Task {
            do {
                return .success(try store.saveJSON(record, to: .output, name: record.fileName))
            } catch {
                return .failure(HelpfulError.wrapping(error))
            }
        }.value
    }
}
