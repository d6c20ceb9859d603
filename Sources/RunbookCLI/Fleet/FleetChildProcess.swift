import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One child process of a fleet: spawned with `posix_spawn` from a thread of its own, which reads
/// the child's merged standard output and error until EOF and then reaps it with `waitpid`, so
/// the cooperative pool never blocks. The thread lives as long as the child: `PR_SET_PDEATHSIG`,
/// which the child sets (``FleetChildGuard``), fires when the thread that spawned it ends.
///
/// The child gets its own process group (a timeout stops it and whatever it started), the default
/// signal dispositions, an empty signal mask and `/dev/null` as standard input.
struct FleetChildProcess: Sendable {
    /// How the child ended.
    enum Ending: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
        /// It could not be started (errno text).
        case notStarted(String)
    }

    /// The executable.
    let executable: String
    /// `argv[1…]`.
    let arguments: [String]
    /// The whole environment.
    let environment: [String: String]

    /// Runs the child to its end. `started` gets its pid once spawned, `output` every chunk it writes
    /// (on the child's thread, in order).
    func run(started: @escaping @Sendable (pid_t) -> Void, output: @escaping @Sendable ([UInt8]) -> Void) async -> Ending {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: spawnAndWait(started: started, output: output))
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    private func spawnAndWait(started: (pid_t) -> Void, output: ([UInt8]) -> Void) -> Ending {
        var fds: [Int32] = [-1, -1]
        // Both ends close-on-exec from the start: a child spawned at the same moment by another
        // thread must not inherit this pipe (it would hold it open, and this read never see EOF).
        // The child's own copies (dup2 onto 1 and 2) do not have the flag.
        guard Self.closeOnExecPipe(&fds) == 0 else { return .notStarted(String(cString: strerror(errno))) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        let name = executable == "/proc/self/exe"
            ? (try? FileManager.default.destinationOfSymbolicLink(atPath: executable)) ?? executable : executable
        let argv = ([name] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(fds[1])
        guard status == 0 else {
            close(fds[0])
            return .notStarted(String(cString: strerror(status)))
        }
        started(pid)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output(Array(buffer[..<count]))
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(fds[0])
        var wait: Int32 = 0
        while waitpid(pid, &wait, 0) < 0 {
            guard errno == EINTR else { return .exited(1) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (the C macros are not imported).
        let signal = wait & 0x7F
        return signal == 0 ? .exited((wait >> 8) & 0xFF) : .signalled(signal)
    }

    /// `pipe2(fds, O_CLOEXEC)` (Linux; Swift's Glibc module does not import it, so it is looked up),
    /// else `pipe` + `FD_CLOEXEC`.
    private static func closeOnExecPipe(_ fds: inout [Int32]) -> Int32 {
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") {
            let pipe2 = unsafeBitCast(symbol, to: Pipe2.self)
            return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) }
        }
        guard pipe(&fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return 0
    }
}
