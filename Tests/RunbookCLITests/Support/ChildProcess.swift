import Foundation
import RunbookTesting
import Synchronization

/// A real child process (the built `runbook`, `demo-api`, …) whose output is collected on threads
/// of their own, so a test can wait for a line without sleeping and without blocking the
/// cooperative pool.
final class ChildProcess: Sendable {
    /// What the child wrote so far.
    struct Output: Sendable {
        var stdout = ""
        var stderr = ""
        var combined: String { stdout + stderr }
    }

    private struct State {
        var output = Output()
        var waiters: [(predicate: @Sendable (Output) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
        var closedStreams = 0
        var exit: Int32?
        var exitWaiters: [CheckedContinuation<Int32, Never>] = []
    }

    private let process = Process()
    private let state = Mutex(State())

    /// An executable built beside the test bundle (`swift build --build-tests` builds them all).
    static func builtExecutable(_ name: String) throws -> URL {
        try BuiltExecutable.url(named: name)
    }

    /// Starts `executable` with `arguments` in `directory`, with this process's environment less its
    /// `RUNBOOK…` variables (a test's child never inherits a developer's settings), `NO_COLOR=1`, and
    /// `variables`.
    init(_ executable: URL, _ arguments: [String], variables: [String: String] = [:], directory: URL? = nil) throws {
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("RUNBOOK") }
        environment["NO_COLOR"] = "1"
        process.environment = environment.merging(variables) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [self] process in
            let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            let waiters = state.withLock { state -> [CheckedContinuation<Int32, Never>] in
                state.exit = status
                defer { state.exitWaiters = [] }
                return state.exitWaiters
            }
            waiters.forEach { $0.resume(returning: status) }
        }
        try process.run()
        drain(stdout.fileHandleForReading, into: \.stdout)
        drain(stderr.fileHandleForReading, into: \.stderr)
    }

    /// The child's pid.
    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` (SIGINT, SIGTERM, SIGKILL) to the child.
    func send(_ signal: Int32) {
        _ = kill(process.processIdentifier, signal)
    }

    /// Waits until the output satisfies `predicate`; false when both streams closed first.
    func waitForOutput(_ predicate: @escaping @Sendable (Output) -> Bool) async -> Bool {
        await withCheckedContinuation { continuation in
            let answer: Bool? = state.withLock { state in
                if predicate(state.output) { return true }
                if state.closedStreams == 2 { return false }
                state.waiters.append((predicate, continuation))
                return nil
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    /// Waits for the child to end and for its output to be read to the end; returns the exit status
    /// (128 + n for a child killed by signal n).
    func waitForExit() async -> (status: Int32, output: Output) {
        let status = await waitForTermination()
        _ = await waitForOutput { _ in false }
        return (status, state.withLock { $0.output })
    }

    /// Waits for the child to end, not for its output streams to close (a grandchild may still hold
    /// them); returns the exit status (128 + n for a child killed by signal n).
    func waitForTermination() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let exit: Int32? = state.withLock { state in
                if state.exit == nil { state.exitWaiters.append(continuation) }
                return state.exit
            }
            if let exit { continuation.resume(returning: exit) }
        }
    }

    /// The output so far.
    var output: Output { state.withLock { $0.output } }

    private func drain(_ handle: FileHandle, into stream: WritableKeyPath<Output, String> & Sendable) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                let answers = state.withLock { state -> [(CheckedContinuation<Bool, Never>, Bool)] in
                    if data.isEmpty {
                        state.closedStreams += 1
                    } else {
                        state.output[keyPath: stream] += String(decoding: data, as: UTF8.self)
                    }
                    let output = state.output
                    let closed = state.closedStreams == 2
                    var answers: [(CheckedContinuation<Bool, Never>, Bool)] = []
                    state.waiters.removeAll { waiter in
                        let met = waiter.predicate(output)
                        if met || closed { answers.append((waiter.continuation, met)) }
                        return met || closed
                    }
                    return answers
                }
                answers.forEach { $0.0.resume(returning: $0.1) }
                if data.isEmpty { return }
            }
        }
        thread.start()
    }
}
