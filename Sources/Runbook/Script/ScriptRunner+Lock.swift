import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ScriptRunner {
    /// Takes the script/org/env run lock (``ScriptRunLock``) for the run that starts now; org and
    /// env are checked first (they become part of the lock's file name), as the loader checks them.
    func takeRunLock(_ run: Run, environment: [String: String]) throws(HelpfulError) -> ScriptRunLock {
        try ConfigIdentifier.validate(run.org, role: "org")
        try ConfigIdentifier.validate(run.env, role: "env")
        let owner = ScriptRunLock.Owner(
            pid: getpid(), host: RunOrigin.current(environment: environment).host,
            runId: "\(run.id)", startedAt: run.startedAt.formatted(.iso8601))
        return try ScriptRunLock.acquire(
            projectRoot: run.projectRoot, script: run.script.name, org: run.org, env: run.env, owner: owner)
    }

    /// Logs that the run took over a lock its previous owner never released (it died).
    func reportTakeOver(_ lock: ScriptRunLock, logger: Logger) {
        guard let previous = lock.previousOwner else { return }
        logger.info("Took over the run lock \(lock.relativePath) of run \(previous.runId) (pid \(previous.pid) on \(previous.host), since \(previous.startedAt)), which ended without releasing it")
    }
}
