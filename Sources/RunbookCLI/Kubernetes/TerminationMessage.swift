import Foundation
import Runbook

/// The compact run record a pod leaves in its termination log (`kubectl get pod -o yaml` shows it
/// as `state.terminated.message`): at most 4096 bytes of one-line JSON, the error's problem shortened
/// to fit.
struct TerminationMessage: Codable, Sendable, Equatable {
    /// The most bytes Kubernetes keeps of a termination message.
    static let maximumBytes = 4096

    var runId: String?
    var script: String
    var org: String?
    var env: String?
    var targetIndex: Int?
    var outcome: String
    var exitCode: Int32
    var durationSeconds: Double?
    var error: Failure?

    /// The error, short: its code and problem.
    struct Failure: Codable, Sendable, Equatable {
        var code: String?
        var problem: String
    }

    /// The message of a finished run.
    init(record: RunRecord, targetIndex: Int?) {
        runId = record.runId.description
        script = record.script
        org = record.org
        env = record.env
        self.targetIndex = targetIndex
        outcome = record.outcome.rawValue
        exitCode = record.exitCode
        durationSeconds = record.durationSeconds
        error = record.error.map { Failure(code: $0.code?.identifier, problem: $0.problem) }
    }

    /// The message of a pod that could not start its run (a bad targets file or index).
    init(script: String, targetIndex: Int?, error: HelpfulError) {
        self.script = script
        self.targetIndex = targetIndex
        outcome = RunRecord.Outcome(error.exitCode).rawValue
        exitCode = error.exitCode.rawValue
        self.error = Failure(code: error.code.identifier, problem: error.problem)
    }

    /// One line of JSON of at most `maximumBytes` bytes: the problem is shortened (with "…") until it fits.
    func line() -> String {
        var message = self
        var limit = error?.problem.count ?? 0
        while true {
            let text = (try? OutputStore.jsonText(message, pretty: false, name: "termination message")) ?? "{}"
            if text.utf8.count <= Self.maximumBytes { return text }
            guard let problem = error?.problem, limit > 0 else {
                // Only identifiers are left, and they are too long: the outcome alone.
                return #"{"outcome":"\#(outcome)","exitCode":\#(exitCode)}"#
            }
            limit = limit / 2
            message.error?.problem = String(problem.prefix(limit)) + "…"
        }
    }
}
