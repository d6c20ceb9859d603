import Foundation
import Runbook
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one target of a fleet to its end: one child process per attempt (more for `--retries`
/// after exit 75), a per-target timeout (SIGTERM to its process group, SIGKILL after a grace), and
/// the entry for the fleet record made from the child's own run record.
struct FleetTargetRun: Sendable {
    let settings: FleetSettings
    let environment: CLIEnvironment
    let recorder: FleetRecorder
    let console: FleetConsole
    let children: FleetChildren

    /// Runs `entry`'s target and returns its finished entry.
    func run(_ entry: FleetRecord.Entry) async -> FleetRecord.Entry {
        var entry = entry
        let target = entry.target
        let clock = environment.clock
        let started = clock.monotonicNow()
        var attempt = 0
        repeat {
            if attempt > 0 { await waitBeforeRetry() }
            attempt += 1
            entry = await runAttempt(entry, target: target, attempt: attempt)
            entry.attempts = attempt
        } while entry.exitCode == ExitCode.temporaryFailure.rawValue && attempt <= settings.retries && !children.isInterrupted
        let elapsed = (clock.monotonicNow() - started).components
        entry.durationSeconds = max(0, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        entry.status = .finished
        return entry
    }

    /// Waits `--retry-delay` on the run's clock, in steps of at most 250 ms so that Ctrl-C to the
    /// coordinator ends the wait at once.
    private func waitBeforeRetry() async {
        let clock = environment.clock
        let end = clock.monotonicNow() + settings.retryDelay
        while !children.isInterrupted {
            let left = end - clock.monotonicNow()
            guard left > .zero else { return }
            try? await clock.sleep(for: min(left, .milliseconds(250)))
        }
    }

    private func runAttempt(_ entry: FleetRecord.Entry, target: FleetTarget, attempt: Int) async -> FleetRecord.Entry {
        let runID = RunID.generate(at: environment.clock.now())
        var variables = environment.variables
        variables[FleetChildGuard.parentVariable] = String(getpid())
        variables[FleetChildGuard.runIDVariable] = runID.description
        if let fleetID = settings.fleetID { variables[RateLimitScope.fleetIDVariable] = fleetID }
        let child = FleetChildProcess(
            executable: settings.executable, arguments: settings.childArguments(for: target), environment: variables)
        let output = console.output(for: target)
        let attemptState = FleetAttemptState()
        let timer = settings.targetTimeout.map { timeout in
            Task { [clock = environment.clock, grace = settings.killGrace] in
                try await clock.sleep(for: timeout)
                guard let running = attemptState.pid.withLock({ $0 }) else { return }
                attemptState.timedOut.withLock { $0 = true }
                kill(-running, SIGTERM)
                try await clock.sleep(for: grace)
                kill(-running, SIGKILL)
            }
        }
        let ending = await child.run(
            started: { started in
                attemptState.pid.withLock { $0 = started }
                children.add(started)
                recorder.started(index: target.index, pid: started, attempt: attempt)
            },
            output: { bytes in output.write(bytes) })
        timer?.cancel()
        if let finished = attemptState.pid.withLock({ $0 }) { children.remove(finished) }
        var result = FleetTargetResult(entry: entry, target: target, runID: runID, settings: settings)
            .finished(ending, timedOut: attemptState.timedOut.withLock { $0 }, interrupted: children.isInterrupted)
        result.attempts = attempt
        output.finish(result)
        return result
    }
}

/// One attempt's child pid (once spawned) and whether its timeout fired.
final class FleetAttemptState: Sendable {
    let pid = Mutex<pid_t?>(nil)
    let timedOut = Mutex(false)
}

/// The pids of the running children, and whether the fleet was interrupted (Ctrl-C, SIGTERM):
/// an interruption is forwarded to every running child as SIGINT, so each one ends the way a
/// `runbook run` does on Ctrl-C (its record says `interrupted`).
final class FleetChildren: Sendable {
    private struct State {
        var pids: Set<pid_t> = []
        var interrupted = false
    }

    private let state = Mutex(State())

    var isInterrupted: Bool { state.withLock { $0.interrupted } }

    func add(_ pid: pid_t) {
        let interrupted = state.withLock { state in
            state.pids.insert(pid)
            return state.interrupted
        }
        // Started just as the fleet was interrupted: it stops too.
        if interrupted { kill(-pid, SIGINT) }
    }

    func remove(_ pid: pid_t) {
        _ = state.withLock { $0.pids.remove(pid) }
    }

    /// Marks the fleet interrupted and forwards SIGINT to every running child's process group.
    func interrupt() {
        let pids = state.withLock { state in
            state.interrupted = true
            return state.pids
        }
        for pid in pids { kill(-pid, SIGINT) }
    }
}
