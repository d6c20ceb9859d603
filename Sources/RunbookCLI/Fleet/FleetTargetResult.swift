import Foundation
import Runbook

/// Makes a target's finished entry from how its child ended and the run record it wrote
/// (`output/{org}-{env}/{org}-{env}-{script}-results_<UTC>_<short run id>.json`). When the child
/// left no record (it crashed, was killed, timed out early), the coordinator says why in the entry's error.
struct FleetTargetResult {
    let entry: FleetRecord.Entry
    let target: FleetTarget
    let runID: RunID
    let settings: FleetSettings

    func finished(_ ending: FleetChildProcess.Ending, timedOut: Bool) -> FleetRecord.Entry {
        var entry = entry
        entry.status = .finished
        entry.runId = runID
        if let (record, path) = runRecord() {
            entry.outcome = record.outcome
            entry.exitCode = record.exitCode
            entry.counts = record.counts
            entry.recordPath = path
            entry.error = record.error
        } else {
            entry.outcome = nil
            entry.counts = nil
            entry.recordPath = nil
            entry.error = nil
        }
        switch ending {
        case .exited(let status) where entry.outcome == nil:
            let code = ExitCode(rawValue: status) ?? .scriptFailed
            entry.exitCode = status
            entry.outcome = RunRecord.Outcome(code)
            if status != 0 {
                entry.error = failure(.fleetTargetWithoutRecord, "The run of \(target.name) ended with exit code \(status) without writing its run record",
                                      solution: "Look at its output above and its log in logs/")
            }
        case .signalled(let signal) where !timedOut:
            entry.exitCode = 128 + signal
            entry.outcome = .failed
            entry.error = failure(.fleetTargetKilled, "The run of \(target.name) was killed by signal \(signal) (\(Self.signalName(signal)))",
                                  solution: "Look at its output above and its log in logs/; the other targets were not affected")
        case .notStarted(let reason):
            entry.exitCode = ExitCode.scriptFailed.rawValue
            entry.outcome = .failed
            entry.error = failure(.fleetTargetNotStarted, "Cannot start \(settings.executable) for \(target.name): \(reason)",
                                  solution: "Check that the runbook executable exists and can be run")
        default:
            break
        }
        if timedOut, let timeout = settings.targetTimeout {
            entry.exitCode = ExitCode.scriptFailed.rawValue
            entry.outcome = .failed
            entry.error = failure(
                .fleetTargetTimedOut,
                "\(target.name) did not finish within \(FleetConsole.seconds(timeout)) (--target-timeout): "
                    + "it was stopped with SIGTERM (SIGKILL after \(FleetConsole.seconds(settings.killGrace)))",
                solution: "Find out why it hangs (its log in logs/), or allow it more time with --target-timeout")
        }
        return entry
    }

    private func failure(_ code: ErrorCode, _ problem: String, solution: String) -> RunRecord.Failure {
        RunRecord.Failure(HelpfulError(code: code, problem: problem, solution: solution, exitCode: .scriptFailed))
    }

    /// The child's run record and its path relative to the project root, if it wrote one.
    private func runRecord() -> (RunRecord, String)? {
        let folder = "output/\(target.folderName)"
        let url = settings.projectRoot.appendingPathComponent(folder)
        let prefix = "\(target.org)-\(target.env)-"
        let suffix = "_\(runID.short).json"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path),
              let name = names.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }),
              let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path),
              let record = try? JSONDecoder().decode(RunRecord.self, from: data)
        else { return nil }
        return (record, "\(folder)/\(name)")
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: "SIGKILL"
        case SIGSEGV: "SIGSEGV"
        case SIGABRT: "SIGABRT"
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGBUS: "SIGBUS"
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        default: "signal \(signal)"
        }
    }
}
