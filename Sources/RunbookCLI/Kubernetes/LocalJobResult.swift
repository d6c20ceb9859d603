import Foundation
import Runbook

/// What the local executor saw: per index its status, exit code, attempts, the policy's action on
/// its last failure and its termination message; and whether the Job would be Complete or Failed.
struct LocalJobResult: Sendable, Encodable {
    var job: String
    var completions: Int
    var indexes: [Index] = []
    /// A `FailJob` rule matched.
    var jobFailedByRule = false

    /// One index.
    struct Index: Sendable, Encodable {
        enum Status: String, Sendable, Encodable { case succeeded, failed, notRun }
        var index: Int
        var status: Status
        var exitCode: Int32?
        var attempts = 0
        var action: PodFailurePolicy.Action?
        /// The compact run record of the last attempt.
        var message: String?
        /// The last attempt's output (standard output and error).
        var log: String?
    }

    private enum CodingKeys: String, CodingKey { case job, status, completions, indexes }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(job, forKey: .job)
        try container.encode(status, forKey: .status)
        try container.encode(completions, forKey: .completions)
        try container.encode(indexes, forKey: .indexes)
    }

    var failedCount: Int { indexes.filter { $0.status == .failed }.count }

    /// `Complete` when every index succeeded, else `Failed` (as `kubectl get job` would show it).
    var status: String { indexes.allSatisfy { $0.status == .succeeded } ? "Complete" : "Failed" }

    /// The table the command prints.
    func text() -> String {
        var lines = ["Job \(job): \(completions) indexes, run here one at a time"]
        for entry in indexes {
            let target = entry.message.flatMap(Self.target(of:)).map { " \($0)" } ?? ""
            switch entry.status {
            case .notRun:
                lines.append("  index \(entry.index)\(target): not run (more than maxFailedIndexes failed)")
            case .succeeded, .failed:
                let attempts = entry.attempts == 1 ? "1 attempt" : "\(entry.attempts) attempts"
                let action = entry.action.map { " → \($0.rawValue)" } ?? ""
                lines.append("  index \(entry.index)\(target): \(entry.status.rawValue) (exit \(entry.exitCode ?? -1)\(action), \(attempts))")
            }
        }
        let succeeded = indexes.filter { $0.status == .succeeded }.count
        let failed = indexes.filter { $0.status == .failed }.map { String($0.index) }
        let notRun = indexes.filter { $0.status == .notRun }.count
        var summary = "Job \(job): \(status), \(succeeded) succeeded, \(failed.count) failed"
        if !failed.isEmpty { summary += " (indexes \(failed.joined(separator: ",")))" }
        if notRun > 0 { summary += ", \(notRun) not run" }
        return (lines + [summary]).joined(separator: "\n") + "\n"
    }

    /// `org/env` from a termination message.
    private static func target(of message: String) -> String? {
        guard let decoded = try? JSONDecoder().decode(TerminationMessage.self, from: Data(message.utf8)),
              let org = decoded.org, let env = decoded.env else { return nil }
        return "\(org)/\(env)"
    }
}
