import Foundation
import Logging

extension ScriptRunner {
    /// Ends a run: logs the error once (to the log file; the caller shows it on the console),
    /// summarises and saves the results, flushes the logs, and picks the exit code.
    func finish(_ run: PreparedRun, failure: HelpfulError?) -> RunOutcome {
        let context = run.context
        var failure = failure?.redacted(by: run.redactor)
        if let failure {
            let fileOnly = RunLogging(
                redactor: run.redactor, clock: clock, sinks: run.logging.sinks.filter { !($0 is ConsoleLogSink) })
            let rendered = HelpfulErrorRenderer(style: .plain, redactor: run.redactor).render(failure)
            fileOnly.makeLogger(label: context.logger.label)
                .error("\(rendered)", metadata: RunLogging.verbatim.merging(["exit-code": "\(failure.exitCode.rawValue)"]) { $1 })
        }
        let counts = context.results.counts
        let recorded = counts.created + counts.updated + counts.skipped + counts.failed + counts.expected > 0
        var report: ResultsReport?
        if recorded {
            context.logger.info("\(context.results.summary)")
            report = context.results.report(
                org: context.org, env: context.env, script: context.scriptName, finishedAt: clock.now(),
                redactor: run.redactor)
            do {
                let url = try context.results.save(
                    to: context.output, org: context.org, env: context.env, script: context.scriptName,
                    redactor: run.redactor)
                context.logger.debug("Results saved to \(url.path)")
            } catch {
                if failure == nil { failure = HelpfulError.wrapping(error).redacted(by: run.redactor) }
            }
        }
        run.logging.flush()
        let exitCode = failure?.exitCode ?? context.results.exitCode
        return RunOutcome(
            exitCode: exitCode, error: failure, summary: recorded ? context.results.summary : nil, report: report)
    }
}
