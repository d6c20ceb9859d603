import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Real child processes for the tests of stale temporary files: one that has ended (its pid is
/// dead) and one that runs until it is killed.
struct ChildProcess {
    let pid: pid_t

    struct SpawnError: Error { let code: Int32 }

    /// Starts `/bin/sh -c <command>`.
    static func start(_ command: String) throws -> ChildProcess {
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", command]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let code = posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ)
        guard code == 0 else { throw SpawnError(code: code) }
        return ChildProcess(pid: pid)
    }

    /// The pid of a child that has ended and been reaped.
    static func deadPID() throws -> pid_t {
        let child = try start("exit 0")
        child.wait()
        return child.pid
    }

    /// Kills the child with SIGKILL and reaps it.
    func killHard() {
        _ = kill(pid, SIGKILL)
        wait()
    }

    /// Waits for the child to end (a blocking `waitpid`, short: the child has ended or been killed).
    func wait() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
