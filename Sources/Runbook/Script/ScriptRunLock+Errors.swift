import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ScriptRunLock {
    /// Exit 75: another run of the script for this org/env holds the lock.
    static func held(_ relativePath: String, script: String, org: String, env: String, by owner: Owner?) -> HelpfulError {
        let who = owner.map { "run \($0.runId) (pid \($0.pid) on \($0.host), since \($0.startedAt))" }
            ?? "a run that is just starting"
        let stop = owner.map { "ssh \($0.host) kill \($0.pid)" } ?? "ls -l \(relativePath)"
        return HelpfulError(
            code: .runLocked,
            problem: "Another run of \(script) for \(org)/\(env) is still going: \(who)",
            solution: "Wait for it to finish and try again (schedulers: exit 75 means retry later), or stop it; "
                + "a lock left by a process that has ended is taken over by the next run",
            example: stop,
            location: .file(relativePath),
            exitCode: .temporaryFailure)
    }

    /// Exit 1: the lock file cannot be created or locked.
    static func cannotCreate(_ relativePath: String, errno code: Int32) -> HelpfulError {
        HelpfulError(
            code: .runLockUnavailable,
            problem: "Cannot take the run lock \(relativePath): \(String(cString: strerror(code)))",
            solution: "Check that the project's tmp/locks/ folder can be created and written by this user",
            example: "mkdir -p tmp/locks && touch \(relativePath)",
            location: .file(relativePath))
    }
}
