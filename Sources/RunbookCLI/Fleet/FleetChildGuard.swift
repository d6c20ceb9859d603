import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The child side of a fleet: a `runbook run` started by `runbook fleet` finds
/// `RUNBOOK_FLEET_PARENT_PID` in its environment. First thing, it asks the kernel for SIGTERM when
/// its parent dies (`prctl(PR_SET_PDEATHSIG)`, Linux), then checks that the parent is still the
/// coordinator that started it: a coordinator killed between the spawn and the `prctl` leaves the
/// child re-parented, and the child exits at once (exit 130). SIGTERM then interrupts the run as
/// Ctrl-C does (its record says `interrupted`), so no child outlives a coordinator killed with kill -9;
/// a watching thread repeats the SIGTERM in case the first one came while the run set up its handler.
enum FleetChildGuard {
    /// The variable that marks a fleet child: the coordinator's pid.
    static let parentVariable = "RUNBOOK_FLEET_PARENT_PID"
    /// The variable with the run id the coordinator chose for the child's run.
    static let runIDVariable = "RUNBOOK_FLEET_RUN_ID"

    /// Sets up the child side when this process is a fleet child; exits when its coordinator is gone.
    static func install(environment: [String: String]) {
        guard let text = environment[parentVariable], let parent = pid_t(text) else { return }
        askForSignalOnParentDeath()
        if getppid() != parent {
            exit(130)
        }
        watch(parent: parent)
    }

    /// The second line of defence: a thread that notices the coordinator is gone (its parent pid
    /// changes) and interrupts the run with SIGTERM every 200 ms until it ends (the first one may be
    /// lost while the run is still installing its handler), then exits 130 after 10 s in any case.
    /// `PR_SET_PDEATHSIG` alone leaves that window open, and does not exist outside Linux.
    private static func watch(parent: pid_t) {
        let thread = Thread {
            while getppid() == parent { usleep(200_000) }
            for _ in 0..<50 {
                kill(getpid(), SIGTERM)
                usleep(200_000)
            }
            _exit(130)
        }
        thread.stackSize = 64 * 1024
        thread.start()
    }

    /// `prctl(PR_SET_PDEATHSIG, SIGTERM)`. `prctl` is variadic, which Swift does not import: it is
    /// called through a pointer of its fixed five-argument form (what the kernel takes).
    private static func askForSignalOnParentDeath() {
        #if os(Linux)
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        let prSetPdeathsig: Int32 = 1
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
        _ = unsafeBitCast(symbol, to: Prctl.self)(prSetPdeathsig, UInt(SIGTERM), 0, 0, 0)
        #endif
    }
}
