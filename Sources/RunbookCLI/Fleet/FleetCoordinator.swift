import Dispatch
import Foundation
import Runbook
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the targets of a fleet record: at most `maxParallel` children at once, each isolated in its
/// own process; the record (and its journal) updated as each target finishes; the failure budget
/// (stop starting targets, let the running ones finish, the rest `skipped`, state `halted`);
/// Ctrl-C / SIGTERM forwarded to the children (their records say `interrupted`), the rest skipped,
/// state `interrupted`, exit 130.
struct FleetCoordinator {
    let environment: CLIEnvironment
    let settings: FleetSettings

    /// Runs the entries at `positions` of `record` (the others are kept as they are), writing the
    /// record to `url`; returns the final record and the fleet's exit code.
    func run(_ record: FleetRecord, positions: [Int], url: URL) async throws(HelpfulError) -> (FleetRecord, ExitCode) {
        var record = record
        for position in positions {
            record.targets[position].status = .pending
        }
        record.state = .running
        record.finishedAt = nil
        record.exitCode = nil
        record.coordinatorPid = getpid()
        let recorder = try FleetRecorder(record: record, url: url)
        let children = FleetChildren()
        let console = FleetConsole(
            environment: environment, mode: settings.output, total: positions.count, toStandardError: settings.json)
        let runner = FleetTargetRun(settings: settings, environment: environment, recorder: recorder, console: console, children: children)
        let signals = environment.handlesInterrupts ? Self.forwardSignals(to: children) : []
        var queue = positions[...]
        var halted = false
        var failures = 0
        let targets = record.targets
        await withTaskCancellationHandler {
            await withTaskGroup(of: FleetRecord.Entry.self) { group in
                var running = 0
                while true {
                    while running < settings.maxParallel, !halted, !children.isInterrupted, let position = queue.popFirst() {
                        let entry = targets[position]
                        group.addTask { await runner.run(entry) }
                        running += 1
                    }
                    guard let finished = await group.next() else { break }
                    running -= 1
                    recorder.finished(finished)
                    console.finished(finished)
                    if let exit = finished.exitCode, exit != 0, exit != 2 { failures += 1 }
                    if let budget = settings.haltAfter, budget.isExhausted(failures: failures, total: positions.count) {
                        halted = true
                    }
                }
            }
        } onCancel: {
            children.interrupt()
        }
        for source in signals { source.cancel() }
        console.clearProgress()
        for position in queue { recorder.skipped(index: targets[position].index) }
        let state: FleetRecord.State = children.isInterrupted ? .interrupted : halted ? .halted : .finished
        let exitCode = FleetExitCode.code(for: recorder.record.targets, state: state)
        try recorder.ended(state: state, exitCode: exitCode.rawValue, at: environment.clock.now())
        return (recorder.record, exitCode)
    }

    /// Ignores SIGINT and SIGTERM's default action and interrupts the fleet instead.
    private static func forwardSignals(to children: FleetChildren) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { children.interrupt() }
            source.resume()
            return source
        }
    }
}
